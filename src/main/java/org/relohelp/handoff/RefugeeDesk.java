package org.relohelp.handoff;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.relohelp.chat.Access;
import org.relohelp.chat.Asked;
import org.relohelp.chat.Button;
import org.relohelp.chat.ButtonResult;
import org.relohelp.chat.ButtonRoute;
import org.relohelp.chat.ChatFeature;
import org.relohelp.chat.Command;
import org.relohelp.chat.Conversation;
import org.relohelp.chat.Country;
import org.relohelp.chat.Dialogue;
import org.relohelp.chat.Incoming;
import org.relohelp.chat.Language;
import org.relohelp.chat.Messenger;
import org.relohelp.chat.Pressed;
import org.relohelp.chat.Profile;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.relohelp.chat.TopicGuess;
import org.springframework.stereotype.Service;

/**
 * The refugee's side of the handoff: asking for a volunteer (/human or the button), describing the question (a
 * step), writing while the ticket waits or is handled, cancelling, rating after a close (with an optional comment, a
 * step) and reopening — only when the person presses "reopen" under the rating; after a close, anything else they
 * write is a new question.
 */
@Service
public class RefugeeDesk implements ChatFeature, Dialogue, Conversation {

    static final String RATE_ACTION = "rate:";
    static final String REOPEN_ACTION = "reopen:";
    /** {@code hq:<message id>}: send the question asked in that message as the ticket's description. */
    static final String SEND_QUESTION_ACTION = "hq:";
    /** Of a question offered for sending, this much is shown (the whole goes): the offer stays one message. */
    static final int SHOWN_QUESTION = 3000;
    static final int MAX_DESCRIPTION = 4000;
    /** After the volunteers' own messages (a volunteer who has a ticket of their own is a volunteer first). */
    static final int ORDER = 20;

    private final Tickets tickets;
    private final HandoffSteps steps;
    private final Volunteers volunteers;
    private final Announcements announcements;
    private final Relay relay;
    private final Messenger messenger;
    private final Texts texts;
    private final HandoffProperties properties;
    private final VolunteerLanguage volunteerLanguage;
    private final Clock clock;
    private final TopicGuess topics;
    private final Topics forumTopics;
    private final CurrentTickets current;
    private final HeldQuestions held;

    RefugeeDesk(Tickets tickets, HandoffSteps steps, Volunteers volunteers, Announcements announcements, Relay relay,
                Messenger messenger, Texts texts, HandoffProperties properties, VolunteerLanguage volunteerLanguage,
                Clock clock, TopicGuess topics, Topics forumTopics, CurrentTickets current, HeldQuestions held) {
        this.current = current;
        this.held = held;
        this.forumTopics = forumTopics;
        this.tickets = tickets;
        this.steps = steps;
        this.volunteers = volunteers;
        this.announcements = announcements;
        this.relay = relay;
        this.messenger = messenger;
        this.texts = texts;
        this.properties = properties;
        this.volunteerLanguage = volunteerLanguage;
        this.clock = clock;
        this.topics = topics;
    }

    @Override
    public List<Command> commands() {
        return List.of(
                Command.of("human", Access.EVERYONE, "menu.human", this::slashHuman).at(40),
                Command.of("cancel", Access.EVERYONE, "menu.cancel", asked -> cancel(asked.profile())).at(50),
                Command.of("skip", Access.EVERYONE, null, asked -> skip(asked.profile())));
    }

    @Override
    public List<ButtonRoute> buttons() {
        return List.of(ButtonRoute.of(Button.ASK_VOLUNTEER, this::askVolunteer),
                ButtonRoute.of(SEND_QUESTION_ACTION, this::sendQuestion),
                ButtonRoute.of(RATE_ACTION, pressed -> press(pressed.profile(), pressed.action())),
                ButtonRoute.of(REOPEN_ACTION, pressed -> press(pressed.profile(), pressed.action())));
    }

    /**
     * "Ask a volunteer", on its own ({@code human}: /human's way, under a stay count or a housing search) or under the
     * knowledge base's answer to a question ({@code human:kz-tax-id}: the topic comes from the article;
     * {@code human:-}: no article). Under an answer, the question that answer came after is offered for sending.
     */
    private Optional<ButtonResult> askVolunteer(Pressed pressed) {
        String action = pressed.action();
        if (!action.equals(Button.ASK_VOLUNTEER) && !action.startsWith(Button.ASK_VOLUNTEER + ":")) {
            return Optional.empty();
        }
        String after = action.contains(":") ? action.substring(action.indexOf(':') + 1) : null;
        String topic = after == null || after.equals("-") ? null : topics.ofArticle(after).orElse(null);
        Optional<HeldQuestions.Held> question = after == null || pressed.messageId() == 0 ? Optional.empty()
                : held.before(pressed.userId(), pressed.messageId());
        return Optional.of(ButtonResult.message(requestHuman(pressed.profile(), topic, question)));
    }

    /** /human: like "Ask a volunteer" under an answer, it offers the question the person asked last, while kept. */
    private Reply slashHuman(Asked asked) {
        return requestHuman(asked.profile(), null, held.before(asked.userId(), asked.message().messageId()));
    }

    /** /human or "Ask a volunteer": ask for a description, or say where the open ticket stands. */
    public Reply requestHuman(Profile profile, String topic) {
        return requestHuman(profile, topic, Optional.empty());
    }

    /**
     * Asks for a description; with the question the person asked just before, offers to send that (quoted, one
     * button) — or they write another. The ticket's country is the question's when it is known (named in it, or
     * pressed under "which country?"), else the profile's; the prompt says which one the volunteers will see.
     */
    private Reply requestHuman(Profile profile, String topic, Optional<HeldQuestions.Held> question) {
        Optional<Ticket> open = tickets.openFor(profile.userId());
        if (open.isPresent()) {
            return Reply.text(status(open.get(), profile.language()));
        }
        Language lang = question.map(HeldQuestions.Held::language).orElse(profile.language());
        Country country = question.map(HeldQuestions.Held::country).orElse(null);
        if (country == null) {
            country = profile.country();
        }
        steps.expect(profile.userId(), HandoffSteps.Step.DESCRIBE, null, country, topic, lang);
        String countryName = country == null ? texts.get(lang, "handoff.country-unknown")
                : texts.countryName(lang, country);
        if (question.isEmpty()) {
            return Reply.withButtons(texts.get(lang, "handoff.describe", countryName),
                    List.of(List.of(cancelButton(lang))));
        }
        String text = question.get().question();
        String shown = text.length() > SHOWN_QUESTION ? text.substring(0, SHOWN_QUESTION) + "…" : text;
        return Reply.withButtons(texts.get(lang, "handoff.describe-held", shown, countryName), List.of(
                List.of(new Button(texts.plain(lang, "handoff.button.send-question"),
                        SEND_QUESTION_ACTION + question.get().messageId())),
                List.of(cancelButton(lang))));
    }

    /**
     * "Send this question" under the offer: the question becomes the ticket's description, and the offer loses its
     * buttons. Only while the person is still describing (a ticket made already, or the step left: the button no
     * longer works); a question no longer kept is asked for in words.
     */
    private Optional<ButtonResult> sendQuestion(Pressed pressed) {
        String digits = pressed.action().substring(SEND_QUESTION_ACTION.length());
        Optional<HandoffSteps.Waiting> waiting = steps.of(pressed.userId())
                .filter(w -> w.step() == HandoffSteps.Step.DESCRIBE);
        if (!digits.matches("\\d{1,9}") || waiting.isEmpty()) {
            return Optional.empty();
        }
        Language lang = waiting.get().language();
        Reply cleared = new Reply(null, List.of());
        Optional<HeldQuestions.Held> question = held.find(pressed.userId(), Integer.parseInt(digits));
        if (question.isEmpty()) {
            return Optional.of(new ButtonResult(null, Reply.withButtons(texts.get(lang, "handoff.held-gone"),
                    List.of(List.of(cancelButton(lang)))), cleared));
        }
        return Optional.of(new ButtonResult(null, createTicket(pressed.profile(), waiting.get(),
                question.get().question()), cleared));
    }

    /** /cancel, when no step is open: closes the user's own ticket. */
    public Reply cancel(Profile profile) {
        Language lang = profile.language();
        Optional<Ticket> open = tickets.openFor(profile.userId());
        if (open.isEmpty() || !tickets.close(open.get().number())) {
            return Reply.text(texts.get(lang, "handoff.nothing-to-cancel"));
        }
        Ticket ticket = open.get();
        announcements.closed(ticket);
        if (forumTopics.holds(ticket)) {
            forumTopics.closed(ticket, ticket.guest());
        } else if (ticket.volunteerId() != null) {
            Language volunteerLang = volunteerLanguage.of(ticket.volunteerId());
            String next = current.next(ticket.volunteerId(), volunteerLang);
            messenger.send(ticket.volunteerId(), Reply.text(texts.get(volunteerLang, "handoff.refugee-closed",
                    ticket.number(), ticket.guest()) + (next.isEmpty() ? "" : "\n\n" + next)));
        }
        return Reply.text(texts.get(lang, "handoff.cancelled", ticket.number()));
    }

    /** /skip after a rating: no comment. */
    public Reply skip(Profile profile) {
        steps.done(profile.userId());
        return Reply.text(texts.get(profile.language(), "handoff.skipped"));
    }

    // --- the steps: a ticket's description, a rating's comment -------------------------------------------------

    @Override
    public boolean waitsFor(Profile profile) {
        return step(profile).isPresent();
    }

    private Optional<HandoffSteps.Waiting> step(Profile profile) {
        return steps.of(profile.userId()).filter(w -> w.step() == HandoffSteps.Step.DESCRIBE
                || w.step() == HandoffSteps.Step.COMMENT);
    }

    /**
     * A description is whatever the person writes (a question is exactly what volunteers should get); a comment is
     * any text but a question of its own, which is answered as one and the comment asked for again.
     */
    @Override
    public Optional<Reply> answer(Asked asked) {
        Optional<HandoffSteps.Waiting> waiting = step(asked.profile());
        if (waiting.isEmpty()) {
            return Optional.empty();
        }
        Incoming message = asked.message();
        if (waiting.get().step() == HandoffSteps.Step.DESCRIBE) {
            return Optional.of(createTicket(asked.profile(), waiting.get(), message));
        }
        if (!message.isText() || message.text().contains("?")) {
            return Optional.empty();
        }
        tickets.comment(waiting.get().ticket(), message.text());
        steps.done(asked.userId());
        return Optional.of(Reply.text(texts.get(asked.language(), "handoff.comment-saved")));
    }

    @Override
    public Reply leave(Profile profile, boolean cancelled) {
        Optional<HandoffSteps.Waiting> waiting = step(profile);
        steps.done(profile.userId());
        if (waiting.isEmpty()) {
            return Reply.NOTHING;
        }
        boolean describing = waiting.get().step() == HandoffSteps.Step.DESCRIBE;
        return Reply.text(texts.get(profile.language(), describing
                ? (cancelled ? "handoff.describe-cancelled" : "handoff.describe-left") : "handoff.skipped"));
    }

    @Override
    public Reply reoffer(Profile profile) {
        return step(profile).map(w -> Reply.withButtons(texts.get(profile.language(), w.step()
                == HandoffSteps.Step.DESCRIBE ? "handoff.describe-again" : "handoff.comment-again"),
                List.of(List.of(cancelButton(profile.language()))))).orElse(Reply.NOTHING);
    }

    @Override
    public Set<String> ownCommands() {
        return Set.of("human", "skip");
    }

    @Override
    public Set<String> ownButtons() {
        return Set.of(Button.ASK_VOLUNTEER, RATE_ACTION, SEND_QUESTION_ACTION);
    }

    private Button cancelButton(Language lang) {
        return new Button(texts.plain(lang, "step.button.cancel"), Dialogue.CANCEL);
    }

    // --- messages for an open ticket ----------------------------------------------------------------------------

    @Override
    public int order() {
        return ORDER;
    }

    /** While a ticket is open, everything the refugee writes is for it: kept, and relayed once a volunteer has it. */
    @Override
    public Optional<Reply> take(Asked asked) {
        return tickets.openForLocked(asked.userId()).map(ticket -> relayFromRefugee(ticket, asked.message(),
                asked.language()));
    }

    /** A refugee edited a message that was relayed: the volunteer's copy follows. */
    @Override
    public void edited(Incoming edit) {
        Optional<Ticket> open = tickets.openFor(edit.userId());
        if (open.isPresent() && forumTopics.holds(open.get())) {
            relay.refugeeEdited(edit, Announcements.GROUP); // in its topic, waiting or taken
            return;
        }
        open.filter(t -> t.volunteerId() != null)
                .ifPresent(t -> relay.refugeeEdited(edit, volunteerLanguage.of(t.volunteerId())));
    }

    private Reply createTicket(Profile profile, HandoffSteps.Waiting waiting, Incoming message) {
        Language lang = waiting.language();
        if (!message.isText() || message.text().isBlank()) {
            return Reply.withButtons(texts.get(lang, "handoff.describe-in-words"),
                    List.of(List.of(cancelButton(lang))));
        }
        return createTicket(profile, waiting, message.text());
    }

    private Reply createTicket(Profile profile, HandoffSteps.Waiting waiting, String text) {
        Language lang = waiting.language();
        String description = text.length() > MAX_DESCRIPTION ? text.substring(0, MAX_DESCRIPTION) : text;
        steps.done(profile.userId());
        held.drop(profile.userId()); // the question is in the ticket now, or the person wrote another
        // a plain description tells its topic ("where do I get an IIN"): volunteers see it in the announcement
        String topic = waiting.topic() != null ? waiting.topic()
                : topics.ofQuestion(description, Optional.ofNullable(waiting.country())).orElse(null);
        Ticket ticket = tickets.create(profile.userId(), lang, waiting.country(), topic, description);
        announcements.announce(ticket, false);
        forumTopics.open(ticket); // in topic mode: its topic, created after the commit
        return Reply.text(texts.get(lang, "handoff.created", ticket.number(), tickets.placeInQueue(ticket)));
    }

    private Reply relayFromRefugee(Ticket ticket, Incoming message, Language lang) {
        long pair = relay.keep(ticket, message);
        if (forumTopics.fromRefugee(ticket, message, pair)) { // the team sees it in the topic, taken or not
            return ticket.status() == Ticket.Status.QUEUED ? Reply.text(texts.get(lang, "handoff.added",
                    ticket.number())) : Reply.NOTHING;
        }
        if (ticket.status() == Ticket.Status.QUEUED) {
            return Reply.text(texts.get(lang, "handoff.added", ticket.number()));
        }
        relay.toVolunteer(ticket, ticket.volunteerId(), message, pair, volunteerLanguage.of(ticket.volunteerId()));
        return Reply.NOTHING;
    }

    /** Rating and reopen buttons under a closed ticket; only for the user's own tickets, in the right state. */
    public Optional<ButtonResult> press(Profile profile, String action) {
        Language lang = profile.language();
        String[] parts = action.split(":");
        long number;
        try {
            number = Long.parseLong(parts[1]);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        Optional<Ticket> ticket = tickets.find(number).filter(t -> t.userId() == profile.userId());
        if (ticket.isEmpty()) {
            return Optional.empty();
        }
        if (action.startsWith(RATE_ACTION) && parts.length == 3 && parts[2].matches("[1-5]")
                && tickets.rate(number, profile.userId(), Integer.parseInt(parts[2]))) {
            steps.expect(profile.userId(), HandoffSteps.Step.COMMENT, number, null, null, lang);
            // the rating shows in place of the stars; "reopen" stays
            return Optional.of(new ButtonResult(null, Reply.withButtons(texts.get(lang, "handoff.rated"),
                    List.of(List.of(cancelButton(lang)))), Reply.withButtons(texts.get(lang, "handoff.closed-rated",
                    number, "⭐".repeat(Integer.parseInt(parts[2]))), reopenRow(ticket.get(), lang))));
        }
        if (action.startsWith(REOPEN_ACTION) && parts.length == 2 && ticket.get().status() == Ticket.Status.CLOSED
                && ticket.get().closedAt().isAfter(LocalDateTime.now(clock).minus(properties.reopenWindow()))) {
            steps.done(profile.userId());
            return Optional.ofNullable(reopen(ticket.get(), lang))
                    .map(reply -> new ButtonResult(null, reply, new Reply(null, List.of())));
        }
        return Optional.empty();
    }

    /** Under a closed ticket's rating: the stars, and "reopen" (for the reopen window). */
    List<List<Button>> rateAndReopen(Ticket ticket, Language lang) {
        List<List<Button>> rows = new java.util.ArrayList<>();
        rows.add(java.util.stream.IntStream.rangeClosed(1, 5).mapToObj(i -> new Button("⭐" + i,
                RATE_ACTION + ticket.number() + ":" + i)).toList());
        rows.addAll(reopenRow(ticket, lang));
        return rows;
    }

    private List<List<Button>> reopenRow(Ticket ticket, Language lang) {
        return List.of(List.of(new Button(texts.plain(lang, "handoff.button.reopen", ticket.number()),
                REOPEN_ACTION + ticket.number())));
    }

    /**
     * The same ticket again, with its volunteer if they are still one (else back to the queue). Nothing written since
     * the close goes with it — those were new questions; the volunteer gets the ticket's header, so their replies
     * route to it, and it becomes their current ticket.
     */
    private Reply reopen(Ticket closed, Language lang) {
        Long volunteer = closed.volunteerId() != null && volunteers.active(closed.volunteerId()).isPresent()
                ? closed.volunteerId() : null;
        if (!tickets.reopen(closed.number(), volunteer)) {
            return null;
        }
        Ticket reopened = tickets.find(closed.number()).orElseThrow();
        if (forumTopics.holds(reopened)) {
            forumTopics.reopened(reopened);
        }
        if (volunteer == null) {
            announcements.announce(reopened, false);
            return Reply.text(texts.get(lang, "handoff.reopened-queued", closed.number()));
        }
        String holder = volunteers.active(volunteer).map(Volunteer::displayName).orElse("");
        volunteers.active(volunteer).ifPresent(v -> announcements.taken(reopened, v)); // no longer "закрыта"
        if (forumTopics.holds(reopened)) {
            return Reply.text(texts.get(lang, "handoff.reopened-assigned", closed.number(), holder));
        }
        Language volunteerLang = volunteerLanguage.of(volunteer);
        messenger.send(volunteer, Reply.text(texts.get(volunteerLang, "handoff.reopened-header", reopened.number(),
                reopened.guest())), HandoffReceipts.header(reopened.number()));
        volunteers.setCurrentTicket(volunteer, reopened.number());
        String name = volunteers.active(volunteer).map(Volunteer::displayName).orElse("");
        return Reply.text(texts.get(lang, "handoff.reopened-assigned", closed.number(), name));
    }

    private String status(Ticket ticket, Language lang) {
        if (ticket.status() == Ticket.Status.QUEUED) {
            return texts.get(lang, "handoff.already-queued", ticket.number(), tickets.placeInQueue(ticket));
        }
        String name = volunteers.active(ticket.volunteerId()).map(Volunteer::displayName).orElse("");
        return texts.get(lang, "handoff.already-assigned", ticket.number(), name);
    }
}
