package org.relohelp.handoff;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.relohelp.chat.Access;
import org.relohelp.chat.Asked;
import org.relohelp.chat.Button;
import org.relohelp.chat.ButtonResult;
import org.relohelp.chat.ButtonRoute;
import org.relohelp.chat.ChatFeature;
import org.relohelp.chat.Command;
import org.relohelp.chat.Conversation;
import org.relohelp.chat.Incoming;
import org.relohelp.chat.Language;
import org.relohelp.chat.Messenger;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.springframework.stereotype.Service;

/**
 * The volunteer's side: taking tickets (button, /take, /queue), answering through the bot, switching between
 * tickets, closing and releasing them, and their profile (/me). In topic mode ({@link Topics}) a ticket is answered
 * in its topic, where /close and /release act on it and another volunteer can take it over with one press. Only active volunteers reach it: the edge checks the
 * role (in the database, so a removed volunteer loses access at once) before a command or button arrives here.
 */
@Service
public class VolunteerDesk implements ChatFeature, Conversation {

    /** Before the refugee's side: a volunteer's message goes to their guest first. */
    static final int ORDER = 10;

    private final Tickets tickets;
    private final Volunteers volunteers;
    private final Announcements announcements;
    private final Relay relay;
    private final Messenger messenger;
    private final Texts texts;
    private final VolunteerLanguage languages;
    private final RefugeeDesk refugees;
    private final Topics topics;
    private final TicketArticles articles;
    private final CurrentTickets current;

    VolunteerDesk(Tickets tickets, Volunteers volunteers, Announcements announcements, Relay relay,
                  Messenger messenger, Texts texts, VolunteerLanguage languages, RefugeeDesk refugees, Topics topics,
                  TicketArticles articles, CurrentTickets current) {
        this.current = current;
        this.topics = topics;
        this.articles = articles;
        this.tickets = tickets;
        this.volunteers = volunteers;
        this.announcements = announcements;
        this.relay = relay;
        this.messenger = messenger;
        this.texts = texts;
        this.languages = languages;
        this.refugees = refugees;
    }

    @Override
    public List<Command> commands() {
        return List.of(
                Command.of("queue", Access.VOLUNTEER, "menu.queue", this::command).inGroupToo().at(10),
                Command.of("take", Access.VOLUNTEER, "menu.take", this::command).inGroupToo().at(11),
                Command.of("mine", Access.VOLUNTEER, "menu.mine", this::command).inGroupToo().at(12),
                Command.of("switch", Access.VOLUNTEER, "menu.switch", this::command).at(13),
                Command.of("close", Access.VOLUNTEER, "menu.close", this::command).inGroupToo().at(14),
                Command.of("release", Access.VOLUNTEER, "menu.release", this::command).inGroupToo().at(15),
                Command.of("me", Access.VOLUNTEER, "menu.me", this::command).at(16));
    }

    @Override
    public List<ButtonRoute> buttons() {
        return List.of(new ButtonRoute(Announcements.TAKE_ACTION, Access.VOLUNTEER,
                        pressed -> press(pressed.userId(), pressed.action())),
                new ButtonRoute(Topics.TAKE_OVER_ACTION, Access.VOLUNTEER,
                        pressed -> takeOver(pressed.userId(), pressed.action())));
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public Optional<Reply> take(Asked asked) {
        return onMessage(asked.userId(), asked.message());
    }

    @Override
    public void edited(Incoming edit) {
        onEdit(edit);
    }

    /**
     * A message in a ticket's topic: from the volunteer who holds the ticket it goes to the refugee under their name;
     * anyone else learns why it does not, with the button that would change that (Take, Take over).
     */
    @Override
    public Optional<Reply> takeInTopic(Asked asked) {
        Incoming message = asked.message();
        Optional<Ticket> found = topics.ticketOf(asked.chatId(), message.threadId());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Optional<Volunteer> volunteer = volunteers.active(asked.userId());
        if (volunteer.isEmpty()) {
            return Optional.of(Reply.text(texts.get(Announcements.GROUP, "handoff.topic-not-volunteer")));
        }
        Optional<Reply> line = articles.lineFor(volunteer.get(), message);
        if (line.isPresent()) {
            return line;
        }
        Ticket ticket = found.get();
        if (ticket.status() == Ticket.Status.CLOSED) {
            return Optional.of(Reply.text(texts.get(Announcements.GROUP, "handoff.topic-not-sent-closed",
                    ticket.number())));
        }
        if (ticket.status() == Ticket.Status.QUEUED) {
            return Optional.of(Reply.withButtons(texts.get(Announcements.GROUP, "handoff.topic-take-first",
                    ticket.number()), List.of(List.of(new Button(texts.plain(Announcements.GROUP,
                    "handoff.button.take"), Announcements.TAKE_ACTION + ticket.number())))));
        }
        if (!Long.valueOf(asked.userId()).equals(ticket.volunteerId())) {
            String holder = volunteers.active(ticket.volunteerId()).map(Volunteer::displayName).orElse("?");
            return Optional.of(Reply.withButtons(texts.get(Announcements.GROUP, "handoff.topic-someone-else",
                    ticket.number(), holder), List.of(List.of(new Button(texts.plain(Announcements.GROUP,
                    "handoff.button.take-over"), Topics.TAKE_OVER_ACTION + ticket.number())))));
        }
        relay.toRefugee(ticket, message, volunteer.get().displayName());
        return Optional.of(Reply.NOTHING);
    }

    @Override
    public void editedInTopic(Incoming edit) {
        onEdit(edit);
    }

    private Reply command(Asked asked) {
        if (!asked.privateChat()) {
            return inGroup(asked);
        }
        return command(asked.userId(), asked.command(), asked.argument(), asked.message());
    }

    /**
     * A command in the volunteers' group: /queue, /take and /mine as anywhere; /close and /release only in a ticket's
     * topic, for that ticket, by whoever holds it (elsewhere in the group they get no answer, as before).
     */
    private Reply inGroup(Asked asked) {
        String name = asked.command();
        if (!name.equals("close") && !name.equals("release")) {
            return command(asked.userId(), name, asked.argument(), asked.message());
        }
        Optional<Ticket> found = topics.ticketOf(asked.chatId(), asked.message().threadId());
        if (found.isEmpty()) {
            return Reply.NOTHING;
        }
        Ticket ticket = found.get();
        Language lang = languages.of(asked.userId());
        if (ticket.status() != Ticket.Status.ASSIGNED || !Long.valueOf(asked.userId()).equals(ticket.volunteerId())) {
            return Reply.text(texts.get(lang, "handoff.topic-not-yours", ticket.number()));
        }
        return name.equals("close") ? close(ticket, lang) : release(ticket, lang);
    }

    /**
     * Volunteer commands: queue, take, mine, switch, close, release, me; the edge let only volunteers through. /close
     * and /release act on the ticket numbered, else on the one whose message they reply to, else on the current one
     * ({@link CurrentTickets}) — the one a plain message would go to — and ask which when that is not clear.
     */
    Reply command(long userId, String command, String argument, Incoming message) {
        Language lang = languages.of(userId);
        Volunteer v = volunteers.active(userId).orElseThrow();
        return switch (command) {
            case "queue" -> queue(lang);
            case "take" -> number(argument).map(n -> takeByCommand(v, n, lang))
                    .orElseGet(() -> usage(lang, command));
            case "mine" -> mine(v, lang);
            case "switch" -> number(argument).map(n -> switchTo(v, n, lang)).orElseGet(() -> usage(lang, command));
            case "close", "release" -> closeOrRelease(v, command, argument, message, lang);
            default -> me(v, argument, lang);
        };
    }

    private Reply closeOrRelease(Volunteer volunteer, String command, String argument, Incoming message,
                                 Language lang) {
        List<Ticket> all = tickets.assignedTo(volunteer.userId());
        Optional<Long> numbered = number(argument);
        if (numbered.isEmpty() && argument != null && !argument.isBlank()) {
            return Reply.text(texts.get(lang, "handoff.no-ticket", argument)); // not a number: no such ticket
        }
        Optional<Long> replied = numbered.isPresent() || message == null || message.replyTo() == 0 ? Optional.empty()
                : relay.ticketOfVolunteerMessage(message.chatId(), message.replyTo());
        Optional<Long> wanted = numbered.or(() -> replied);
        Optional<Ticket> target = wanted.isPresent()
                ? all.stream().filter(t -> t.number() == wanted.get()).findFirst()
                : current.forCommand(volunteer);
        if (target.isEmpty()) {
            if (wanted.isPresent()) {
                return Reply.text(texts.get(lang, "handoff.no-ticket", wanted.get()));
            }
            if (all.isEmpty()) {
                return Reply.text(texts.get(lang, "handoff.mine-empty"));
            }
            List<Ticket> choose = current.held(volunteer.userId()).isEmpty() ? all : current.held(volunteer.userId());
            return Reply.text(texts.get(lang, "handoff.which-ticket-command", command, CurrentTickets.list(choose),
                    choose.get(0).number()));
        }
        Reply done = command.equals("close") ? close(target.get(), lang) : release(target.get(), lang);
        if (topics.holds(target.get())) {
            return done;
        }
        String next = current.next(volunteer.userId(), lang);
        return next.isEmpty() ? done : Reply.text(done.html() + "\n\n" + next);
    }

    /** The "Take" button, in the group or in a private announcement. */
    Optional<ButtonResult> press(long userId, String action) {
        Optional<Long> number = number(action.substring(Announcements.TAKE_ACTION.length()));
        Language lang = languages.of(userId);
        return number.flatMap(n -> volunteers.active(userId).map(v -> ButtonResult.toast(take(v, n, lang))));
    }

    /**
     * Exactly one volunteer wins a ticket; the winner gets it with its history, the refugee is told. The outcome is
     * a toast under the button. Runs in the transaction of the update that asked.
     */
    String take(Volunteer volunteer, long number, Language lang) {
        Optional<String> lost = claim(volunteer, number, lang);
        if (lost.isPresent()) {
            return lost.get();
        }
        return handOver(volunteer, number, lang);
    }

    /**
     * /take: as the button, the outcome a message — in the private relay one that comes before the ticket's header
     * and history, so it is queued first.
     */
    private Reply takeByCommand(Volunteer volunteer, long number, Language lang) {
        Optional<String> lost = claim(volunteer, number, lang);
        if (lost.isPresent()) {
            return Reply.plain(lost.get());
        }
        if (tickets.find(number).filter(topics::holds).isPresent()) {
            return Reply.plain(handOver(volunteer, number, lang));
        }
        messenger.send(volunteer.userId(), Reply.plain(texts.plain(lang, "handoff.take-won", number)));
        handOver(volunteer, number, lang);
        return Reply.NOTHING;
    }

    /** Empty when this volunteer won the ticket, else why not. */
    private Optional<String> claim(Volunteer volunteer, long number, Language lang) {
        if (tickets.claim(number, volunteer.userId())) {
            return Optional.empty();
        }
        return Optional.of(tickets.find(number)
                .filter(t -> t.status() == Ticket.Status.ASSIGNED && t.volunteerId() != null)
                .flatMap(t -> volunteers.active(t.volunteerId()))
                .map(winner -> texts.plain(lang, "handoff.take-lost", number, winner.displayName()))
                .orElseGet(() -> texts.plain(lang, "handoff.take-gone", number)));
    }

    /**
     * The ticket just won: its header and waiting messages to the volunteer (or into its topic), the group and the
     * refugee told. Returns what the volunteer is told.
     */
    private String handOver(Volunteer volunteer, long number, Language lang) {
        Ticket ticket = tickets.find(number).orElseThrow();
        if (topics.holds(ticket)) {
            // topic mode: the ticket, its history and the conversation are in its topic, not in a private chat
            announcements.taken(ticket, volunteer);
            topics.taken(ticket, volunteer);
            messenger.send(ticket.userId(), Reply.text(texts.get(ticket.language(), "handoff.taken",
                    volunteer.displayName(), number)));
            return texts.plain(lang, "handoff.take-won-topic", number);
        }
        String header = announcements.privateHeader(ticket, lang);
        // Telegram lets a bot write only to people who started it: if the header cannot be delivered, its receipt
        // gives the ticket back to the queue (HandoffReceipts)
        messenger.send(volunteer.userId(), Reply.text(header), HandoffReceipts.header(number));
        volunteers.setCurrentTicket(volunteer.userId(), number);
        announcements.taken(ticket, volunteer);
        relay.deliverWaiting(ticket, volunteer.userId());
        messenger.send(ticket.userId(), Reply.text(texts.get(ticket.language(), "handoff.taken",
                volunteer.displayName(), number)));
        return texts.plain(lang, "handoff.take-won", number);
    }

    /**
     * Another volunteer takes over a ticket in topic mode with one press; the refugee is told the name changed. A
     * ticket nobody holds is simply taken.
     */
    Optional<ButtonResult> takeOver(long userId, String action) {
        Optional<Long> number = number(action.substring(Topics.TAKE_OVER_ACTION.length()));
        Language lang = languages.of(userId);
        return number.flatMap(n -> volunteers.active(userId).flatMap(v -> tickets.find(n).filter(topics::holds)
                .map(ticket -> ButtonResult.toast(takeOver(v, ticket, lang)))));
    }

    private String takeOver(Volunteer volunteer, Ticket ticket, Language lang) {
        long number = ticket.number();
        if (ticket.status() == Ticket.Status.QUEUED) {
            return take(volunteer, number, lang);
        }
        if (ticket.status() == Ticket.Status.CLOSED) {
            return texts.plain(lang, "handoff.take-over-closed", number);
        }
        if (Long.valueOf(volunteer.userId()).equals(ticket.volunteerId())) {
            return texts.plain(lang, "handoff.take-over-yours", number);
        }
        String from = volunteers.active(ticket.volunteerId()).map(Volunteer::displayName).orElse("?");
        if (!tickets.takeOver(number, ticket.volunteerId(), volunteer.userId())) {
            return texts.plain(lang, "handoff.take-over-changed", number);
        }
        Ticket now = tickets.find(number).orElseThrow();
        announcements.taken(now, volunteer);
        topics.takenOver(now, from, volunteer);
        messenger.send(now.userId(), Reply.text(texts.get(now.language(), "handoff.taken-over",
                volunteer.displayName(), number, from)));
        return texts.plain(lang, "handoff.take-over-won", number);
    }

    /**
     * A volunteer's message in their private chat goes to the refugee of the ticket it replies to, else of
     * their current ticket ({@link CurrentTickets}; tickets in topic mode are answered in their topics), which it
     * then is. With several tickets a line says which guest got it, so the volunteer always sees where the next
     * message, /close and /release go; when none is current the message is not sent, and they are asked which. A
     * reply to a ticket that is no longer theirs goes nowhere else. A reply to an article's preview (/kb) sends the
     * article with that line. Empty when the volunteer has no tickets here (then it is a question).
     */
    Optional<Reply> onMessage(long userId, Incoming message) {
        Optional<Volunteer> volunteer = volunteers.active(userId);
        if (volunteer.isEmpty()) {
            return Optional.empty();
        }
        Optional<Reply> line = articles.lineFor(volunteer.get(), message);
        if (line.isPresent()) {
            return line;
        }
        List<Ticket> mine = current.held(userId);
        if (mine.isEmpty()) {
            return Optional.empty();
        }
        Language lang = languages.of(userId);
        Optional<Long> replied = message.replyTo() == 0 ? Optional.empty()
                : relay.ticketOfVolunteerMessage(message.chatId(), message.replyTo());
        Optional<Ticket> target = replied.isPresent()
                ? mine.stream().filter(t -> t.number() == replied.get()).findFirst()
                : CurrentTickets.of(volunteer.get(), mine);
        if (target.isEmpty()) {
            return Optional.of(Reply.text(replied.isPresent()
                    ? texts.get(lang, "handoff.reply-not-open", replied.get(), Ticket.guest(replied.get()))
                    : texts.get(lang, "handoff.which-ticket", CurrentTickets.list(mine))));
        }
        Ticket ticket = target.get();
        boolean becameCurrent = !Long.valueOf(ticket.number()).equals(volunteer.get().currentTicket());
        volunteers.setCurrentTicket(userId, ticket.number());
        relay.toRefugee(ticket, message, volunteer.get().displayName());
        if (mine.size() == 1) {
            return Optional.of(Reply.NOTHING);
        }
        // a reply to this line goes to the same guest (HandoffReceipts notes its message id)
        messenger.send(userId, Reply.text(texts.get(lang, becameCurrent ? "handoff.sent-to-now-current"
                : "handoff.sent-to", ticket.number(), ticket.guest())), HandoffReceipts.sentTo(ticket.number()));
        return Optional.of(Reply.NOTHING);
    }

    void onEdit(Incoming edit) {
        if (volunteers.active(edit.userId()).isPresent()) {
            relay.volunteerEdited(edit, volunteers.active(edit.userId()).map(Volunteer::displayName).orElse(""));
        }
    }

    private Reply queue(Language lang) {
        List<Ticket> queue = tickets.queue();
        if (queue.isEmpty()) {
            return Reply.text(texts.get(lang, "handoff.queue-empty"));
        }
        List<List<Button>> buttons = new ArrayList<>();
        for (Ticket t : queue.subList(0, Math.min(10, queue.size()))) {
            buttons.add(List.of(new Button("#" + t.number() + " · " + announcements.country(t, lang) + " · "
                    + announcements.topic(t, lang), Announcements.TAKE_ACTION + t.number())));
        }
        return Reply.withButtons(texts.get(lang, "handoff.queue", queue.size()), buttons);
    }

    private Reply mine(Volunteer volunteer, Language lang) {
        List<Ticket> mine = tickets.assignedTo(volunteer.userId());
        if (mine.isEmpty()) {
            return Reply.text(texts.get(lang, "handoff.mine-empty"));
        }
        Optional<Long> now = CurrentTickets.of(volunteer, current.held(volunteer.userId())).map(Ticket::number);
        String lines = mine.stream().map(t -> (now.filter(n -> n == t.number()).isPresent() ? "▶ " : "")
                + "#" + t.number() + " · " + t.guest() + " · " + announcements.country(t, lang) + " · "
                + announcements.topic(t, lang)).collect(Collectors.joining("\n"));
        return Reply.text(texts.get(lang, "handoff.mine", lines));
    }

    private Reply switchTo(Volunteer volunteer, long number, Language lang) {
        if (tickets.assignedTo(volunteer.userId()).stream().noneMatch(t -> t.number() == number)) {
            return Reply.text(texts.get(lang, "handoff.no-ticket", number));
        }
        volunteers.setCurrentTicket(volunteer.userId(), number);
        return Reply.text(texts.get(lang, "handoff.switched", number));
    }

    private Reply close(Ticket ticket, Language lang) {
        if (tickets.close(ticket.number())) {
            announcements.closed(ticket);
            Language refugee = ticket.language();
            messenger.send(ticket.userId(), Reply.withButtons(texts.get(refugee, "handoff.closed-rate",
                    ticket.number()), refugees.rateAndReopen(ticket, refugee)));
            if (topics.holds(ticket)) {
                topics.closed(ticket, ticket.volunteerId() == null ? "?" : volunteers.active(ticket.volunteerId())
                        .map(Volunteer::displayName).orElse("?"));
            }
        }
        return Reply.text(texts.get(lang, "handoff.volunteer-closed", ticket.number()));
    }

    Reply release(Ticket ticket, Language lang) {
        if (tickets.release(ticket.number())) {
            Ticket queued = tickets.find(ticket.number()).orElseThrow();
            announcements.announce(queued, true);
            if (topics.holds(queued)) {
                topics.released(queued);
            }
            messenger.send(ticket.userId(), Reply.text(texts.get(ticket.language(), "handoff.released",
                    ticket.number())));
        }
        return Reply.text(texts.get(lang, "handoff.volunteer-released", ticket.number()));
    }

    private Reply me(Volunteer volunteer, String argument, Language lang) {
        String[] parts = argument.strip().split("\\s+", 2);
        if (!argument.isBlank()) {
            String value = parts.length > 1 ? parts[1].strip() : "";
            switch (parts[0].toLowerCase()) {
                case "name" -> {
                    if (value.isEmpty() || value.length() > 64) {
                        return Reply.text(texts.get(lang, "handoff.me-bad"));
                    }
                    volunteers.rename(volunteer.userId(), value);
                }
                case "languages" -> {
                    if (!value.matches("(?i)(ru|en)(\\s*,\\s*(ru|en))*")) {
                        return Reply.text(texts.get(lang, "handoff.me-bad"));
                    }
                    volunteers.setLanguages(volunteer.userId(), value.toLowerCase().replaceAll("\\s", ""));
                }
                case "countries" -> {
                    if (!value.matches("(?i)(KZ|UZ|KG|TJ|GE|AM)(\\s*,\\s*(KZ|UZ|KG|TJ|GE|AM))*")) {
                        return Reply.text(texts.get(lang, "handoff.me-bad"));
                    }
                    volunteers.setCountries(volunteer.userId(), value.toUpperCase().replaceAll("\\s", ""));
                }
                default -> {
                    return Reply.text(texts.get(lang, "handoff.me-bad"));
                }
            }
            return Reply.text(texts.get(lang, "handoff.me-saved"));
        }
        String any = texts.get(lang, "handoff.any");
        return Reply.text(texts.get(lang, "handoff.me", volunteer.displayName(),
                volunteer.languages().isEmpty() ? any : volunteer.languages(),
                volunteer.countries().isEmpty() ? any : volunteer.countries()));
    }

    private Reply usage(Language lang, String command) {
        return Reply.text(texts.get(lang, "handoff.usage-number", command));
    }

    private static Optional<Long> number(String text) {
        String digits = text == null ? "" : text.strip().replace("#", "");
        return digits.matches("\\d{1,18}") ? Optional.of(Long.parseLong(digits)) : Optional.empty();
    }
}
