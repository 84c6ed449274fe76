package org.relohelp.handoff;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.relohelp.chat.Access;
import org.relohelp.chat.Asked;
import org.relohelp.chat.Button;
import org.relohelp.chat.ButtonResult;
import org.relohelp.chat.ButtonRoute;
import org.relohelp.chat.ChatFeature;
import org.relohelp.chat.Command;
import org.relohelp.chat.Html;
import org.relohelp.chat.Incoming;
import org.relohelp.chat.KnowledgeLookup;
import org.relohelp.chat.Language;
import org.relohelp.chat.Messenger;
import org.relohelp.chat.Pressed;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.springframework.stereotype.Service;

/**
 * Verified answers from inside a ticket, in both modes: {@code /kb a few words} (in a private chat, for the current
 * ticket; in a ticket's topic, for that ticket) lists the best matching articles or sections as buttons; pressing
 * one shows it as its guest will get it, with "Send to Гость #N"; sending delivers it to the guest exactly as the
 * bot's own answers look, and the ticket's history records which article went (its topic, or the volunteer's chat;
 * the row stays for the admins' statistics, with what the bot's own answer to the ticket's question did with that
 * article). A reply to the preview adds a line of the volunteer's own above the article. Only the volunteer who
 * holds the ticket sends; a preview goes once.
 */
@Service
public class TicketArticles implements ChatFeature {

    /** {@code kbv:<ticket>:<article>:<section>}: show an article for a ticket. */
    static final String SHOW_ACTION = "kbv:";
    /** {@code kbs:<offer>}: send the previewed article to the ticket's guest. */
    static final String SEND_ACTION = "kbs:";
    static final int SHOWN = 5;
    static final int MAX_LINE = 500;
    private static final int MAX_LABEL = 60;

    private final Tickets tickets;
    private final Volunteers volunteers;
    private final ArticleOffers offers;
    private final Topics topics;
    private final KnowledgeLookup lookup;
    private final Messenger messenger;
    private final Texts texts;
    private final VolunteerLanguage languages;
    private final CurrentTickets current;

    TicketArticles(Tickets tickets, Volunteers volunteers, ArticleOffers offers, Topics topics, KnowledgeLookup lookup,
                   Messenger messenger, Texts texts, VolunteerLanguage languages, CurrentTickets current) {
        this.current = current;
        this.tickets = tickets;
        this.volunteers = volunteers;
        this.offers = offers;
        this.topics = topics;
        this.lookup = lookup;
        this.messenger = messenger;
        this.texts = texts;
        this.languages = languages;
    }

    @Override
    public List<Command> commands() {
        return List.of(Command.of("kb", Access.VOLUNTEER, "menu.kb", this::search).inGroupToo().at(17));
    }

    @Override
    public List<ButtonRoute> buttons() {
        return List.of(new ButtonRoute(SHOW_ACTION, Access.VOLUNTEER, this::show),
                new ButtonRoute(SEND_ACTION, Access.VOLUNTEER, this::send));
    }

    /** /kb words: the best matches for the ticket, as buttons. */
    private Reply search(Asked asked) {
        Language lang = languages.of(asked.userId());
        Optional<Ticket> ticket;
        if (asked.privateChat()) {
            ticket = current(asked.userId());
        } else {
            ticket = topics.ticketOf(asked.chatId(), asked.message().threadId());
            if (ticket.isEmpty()) {
                return Reply.NOTHING; // elsewhere in the group: no ticket to speak of, no answer (as /close there)
            }
        }
        if (ticket.isEmpty()) {
            return Reply.text(texts.get(lang, "handoff.kb-no-ticket"));
        }
        Ticket t = ticket.get();
        if (!t.isOpen()) {
            return Reply.text(texts.get(lang, "handoff.kb-closed", t.number()));
        }
        String words = asked.argument().strip();
        if (words.isEmpty()) {
            return Reply.text(texts.get(lang, "handoff.kb-usage"));
        }
        List<List<Button>> buttons = new ArrayList<>();
        for (KnowledgeLookup.Match match : lookup.find(words, Optional.ofNullable(t.country()), SHOWN)) {
            String action = SHOW_ACTION + t.number() + ":" + match.reference();
            if (action.getBytes(StandardCharsets.UTF_8).length <= 64) { // Telegram's limit for button data
                buttons.add(List.of(new Button(label(match.title()), action)));
            }
        }
        if (buttons.isEmpty()) {
            return Reply.text(texts.get(lang, "handoff.kb-none", words));
        }
        return Reply.withButtons(texts.get(lang, "handoff.kb-found", t.number(), words), buttons);
    }

    /** The ticket a volunteer's /kb in their private chat is for: the one their messages go to ({@link CurrentTickets}). */
    private Optional<Ticket> current(long userId) {
        return volunteers.active(userId).flatMap(current::forCommand);
    }

    /** A match pressed: the article as the guest will get it, with "Send to Гость #N", where it was pressed. */
    private Optional<ButtonResult> show(Pressed pressed) {
        String[] parts = pressed.action().substring(SHOW_ACTION.length()).split(":", 3);
        if (parts.length < 2 || !parts[0].matches("\\d{1,18}")) {
            return Optional.empty();
        }
        Language lang = languages.of(pressed.userId());
        Optional<Ticket> ticket = tickets.find(Long.parseLong(parts[0]));
        if (ticket.isEmpty()) {
            return Optional.empty();
        }
        Ticket t = ticket.get();
        if (!t.isOpen()) {
            return Optional.of(ButtonResult.toast(texts.plain(lang, "handoff.kb-closed", t.number())));
        }
        String section = parts.length == 3 && !parts[2].isEmpty() ? parts[2] : null;
        String reference = parts[1] + ":" + (section == null ? "" : section);
        Optional<Reply> article = lookup.answer(reference, t.userId(), t.language(), null);
        if (article.isEmpty()) {
            return Optional.empty();
        }
        long offer = offers.add(t.number(), pressed.userId(), parts[1], section, pressed.chatId(), pressed.threadId());
        String intro = "<i>" + texts.get(lang, "handoff.kb-preview", t.guest()) + "</i>\n\n";
        messenger.send(pressed.chatId(), pressed.threadId(), Reply.withButtons(intro + article.get().html(),
                List.of(List.of(new Button(texts.plain(lang, "handoff.kb-button.send", t.number()),
                        SEND_ACTION + offer)))), HandoffReceipts.preview(offer));
        return Optional.of(new ButtonResult(null, null, null));
    }

    /** "Send to Гость #N" under a preview. */
    private Optional<ButtonResult> send(Pressed pressed) {
        String id = pressed.action().substring(SEND_ACTION.length());
        if (!id.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        Optional<ArticleOffers.Offer> offer = offers.find(Long.parseLong(id));
        Optional<Volunteer> volunteer = volunteers.active(pressed.userId());
        if (offer.isEmpty() || volunteer.isEmpty()) {
            return Optional.empty();
        }
        Language lang = languages.of(pressed.userId());
        Sent sent = deliver(offer.get(), volunteer.get(), null, pressed.chatId(), pressed.threadId(), lang);
        return Optional.of(sent.ok() ? new ButtonResult(sent.toast(), sent.history(), new Reply(null, List.of()))
                : ButtonResult.toast(sent.toast()));
    }

    /**
     * A volunteer's message that replies to a preview: the line of their own to send above the article. Empty when
     * it replies to no preview (then it is an ordinary message).
     */
    Optional<Reply> lineFor(Volunteer volunteer, Incoming message) {
        if (message.replyTo() == 0) {
            return Optional.empty();
        }
        Optional<ArticleOffers.Offer> offer = offers.byMessage(message.chatId(), message.replyTo());
        if (offer.isEmpty()) {
            return Optional.empty();
        }
        Language lang = languages.of(volunteer.userId());
        if (!message.isText() || message.text().isBlank()) {
            return Optional.of(Reply.text(texts.get(lang, "handoff.kb-line-text")));
        }
        if (message.text().length() > MAX_LINE) {
            return Optional.of(Reply.text(texts.get(lang, "handoff.kb-line-long", MAX_LINE)));
        }
        Sent sent = deliver(offer.get(), volunteer, message.text().strip(), message.chatId(), message.threadId(), lang);
        if (sent.ok()) {
            messenger.edit(offer.get().chatId(), offer.get().messageId(), new Reply(null, List.of())); // sent: no button
            return Optional.of(sent.history());
        }
        return Optional.of(Reply.text(Html.escape(sent.toast())));
    }

    private record Sent(boolean ok, String toast, Reply history) {
    }

    /**
     * The article to the guest, exactly as the bot's answers look (a line of the volunteer's own above it, under their
     * name), by the volunteer who holds the ticket, once per preview. The history line goes where the volunteer is,
     * and into the ticket's topic too when that is elsewhere.
     */
    private Sent deliver(ArticleOffers.Offer offer, Volunteer volunteer, String line, long chatId, int threadId,
                         Language lang) {
        Optional<Ticket> found = tickets.find(offer.ticket());
        if (found.isEmpty() || !found.get().isOpen()) {
            return new Sent(false, texts.plain(lang, "handoff.kb-closed", offer.ticket()), null);
        }
        Ticket ticket = found.get();
        if (ticket.status() != Ticket.Status.ASSIGNED || !Long.valueOf(volunteer.userId()).equals(ticket.volunteerId())) {
            return new Sent(false, texts.plain(lang, "handoff.kb-not-yours", ticket.number()), null);
        }
        String notice = line == null ? null : texts.get(ticket.language(), "handoff.from-volunteer",
                volunteer.displayName()) + " " + Html.escape(line);
        Optional<Reply> article = lookup.answer(offer.reference(), ticket.userId(), ticket.language(), notice);
        if (article.isEmpty()) {
            return new Sent(false, texts.plain(lang, "handoff.kb-gone"), null);
        }
        KnowledgeLookup.Found bot = lookup.found(ticket.description(), Optional.ofNullable(ticket.country()),
                offer.articleId());
        if (!offers.sent(offer.id(), volunteer.userId(), line != null, bot.name())) {
            return new Sent(false, texts.plain(lang, "handoff.kb-already-sent", ticket.guest()), null);
        }
        messenger.send(ticket.userId(), article.get());
        tickets.volunteerReplied(ticket.number());
        String title = lookup.title(offer.articleId(), lang).orElse(offer.articleId());
        String key = line == null ? "handoff.kb-sent" : "handoff.kb-sent-with-line";
        Reply history = Reply.text(texts.get(lang, key, volunteer.displayName(), ticket.guest(), title));
        if (topics.holds(ticket) && !topics.isTopicOf(ticket, chatId, threadId)) {
            topics.note(ticket, Reply.text(texts.get(Announcements.GROUP, key, volunteer.displayName(),
                    ticket.guest(), lookup.title(offer.articleId(), Announcements.GROUP).orElse(offer.articleId()))));
        }
        return new Sent(true, texts.plain(lang, "handoff.kb-sent-toast", ticket.guest()), history);
    }

    private static String label(String title) {
        return title.length() <= MAX_LABEL ? title : title.substring(0, MAX_LABEL - 1) + "…";
    }
}
