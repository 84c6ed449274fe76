package org.relohelp.housing;

import java.util.Optional;
import java.util.Set;
import org.relohelp.chat.Asked;
import org.relohelp.chat.Dialogue;
import org.relohelp.chat.Profile;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.springframework.stereotype.Component;

/**
 * Housing's steps for the edge: an offer being written or changed, a search, a request's message. Never a trap:
 * /cancel and Cancel leave it, another command ends it in one line, a question in the middle is answered and the
 * step asked again; /privacy only looks.
 */
@Component
class HousingStep implements Dialogue {

    private final Steps steps;
    private final OfferDialogue offers;
    private final SearchDialogue search;
    private final RequestDesk requests;
    private final Texts texts;

    HousingStep(Steps steps, OfferDialogue offers, SearchDialogue search, RequestDesk requests, Texts texts) {
        this.steps = steps;
        this.offers = offers;
        this.search = search;
        this.requests = requests;
        this.texts = texts;
    }

    @Override
    public boolean waitsFor(Profile profile) {
        return steps.of(profile.userId()).isPresent();
    }

    @Override
    public Optional<Reply> answer(Asked asked) {
        return steps.of(asked.userId()).flatMap(d -> d.stage().offer() ? offers.answer(d, asked)
                : d.stage().search() ? search.answer(d, asked) : requests.answer(d, asked));
    }

    @Override
    public Reply leave(Profile profile, boolean cancelled) {
        Optional<Step> draft = steps.of(profile.userId());
        if (draft.isEmpty() || !steps.done(profile.userId())) {
            return Reply.NOTHING;
        }
        Step.Stage stage = draft.get().stage();
        String what = stage.offer() ? "offer" : stage.search() ? "search" : "request";
        return Reply.text(texts.get(profile.language(), "housing." + what + ".left"));
    }

    @Override
    public Reply reoffer(Profile profile) {
        return steps.of(profile.userId()).map(d -> d.stage().offer() ? offers.reoffer(d)
                : d.stage().search() ? search.prompt(d) : requests.prompt(d)).orElse(Reply.NOTHING);
    }

    @Override
    public Set<String> ownCommands() {
        return Set.of("privacy");
    }

    @Override
    public Set<String> ownButtons() {
        return Set.of("ho:");
    }
}
