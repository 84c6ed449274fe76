package org.relohelp.housing;

import java.util.Optional;
import java.util.Set;
import org.relohelp.chat.Asked;
import org.relohelp.chat.Dialogue;
import org.relohelp.chat.Language;
import org.relohelp.chat.Profile;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.springframework.stereotype.Component;

/**
 * Housing's steps for the edge: an offer being written or changed, a search, a request's message. Never a trap:
 * /cancel and Cancel leave it, another command ends it in one line, a question in the middle is answered and the
 * step asked again; /privacy only looks, /offer goes on with an offer's draft. A new offer's draft is never dropped
 * by anything but Cancel: another command, or a button that starts another dialogue, sets it aside and says so in
 * one line, and /offer takes it back where it was.
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
        if (draft.isEmpty()) {
            return Reply.NOTHING;
        }
        if (!cancelled && Steps.keeps(draft.get())) {
            steps.setAside(draft.get());
        }
        if (!steps.done(profile.userId())) {
            return Reply.NOTHING;
        }
        return Reply.text(left(texts, profile.language(), draft.get(), cancelled));
    }

    /** What became of a dialogue that was left, in one line: a new offer's draft not cancelled was set aside. */
    static String left(Texts texts, Language lang, Step d, boolean cancelled) {
        if (d.stage().offer() && d.offerId() != null) {
            return texts.get(lang, "housing.offer.change-left", d.offerId());
        }
        if (d.stage().offer()) {
            return texts.get(lang, cancelled ? "housing.offer.left" : "housing.offer.aside");
        }
        return texts.get(lang, d.stage().search() ? "housing.search.left" : "housing.request.left");
    }

    /**
     * The first question of a dialogue that replaced another ({@link Steps#start}), after the line that says what
     * became of the other one; a new search replacing a search needs none.
     */
    static Reply after(Texts texts, Optional<Step> replaced, Step now, Reply question) {
        if (replaced.isEmpty() || replaced.get().stage().search() && now.stage().search()) {
            return question;
        }
        return Reply.withButtons(left(texts, now.language(), replaced.get(), false) + "\n\n" + question.html(),
                question.buttons());
    }

    @Override
    public Reply reoffer(Profile profile) {
        return steps.of(profile.userId()).map(d -> d.stage().offer() ? offers.reoffer(d)
                : d.stage().search() ? search.prompt(d) : requests.prompt(d)).orElse(Reply.NOTHING);
    }

    @Override
    public Set<String> ownCommands() {
        return Set.of("privacy", "offer");
    }

    @Override
    public Set<String> ownButtons() {
        return Set.of("ho:");
    }
}
