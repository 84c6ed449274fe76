package org.relohelp.handoff;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.relohelp.chat.Language;
import org.relohelp.chat.Messenger;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.relohelp.users.KeepsUser;
import org.relohelp.users.KeptData;
import org.relohelp.users.RetentionDue;
import org.relohelp.users.UserForgotten;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The handoff's share of forgetting and retention. A refugee's tickets and routes are deleted (their
 * volunteer learns only that the guest left); a volunteer's tickets go back to the queue and their traces are
 * removed; closed tickets and their routes are deleted after the retention period; a question held for "Ask a
 * volunteer" ({@link HeldQuestions}) goes with /forget, and after {@code relohelp.handoff.question-kept}.
 */
@Component
class HandoffForgetting implements KeepsUser, KeptData {

    private final JdbcClient jdbc;
    private final Tickets tickets;
    private final Volunteers volunteers;
    private final VolunteerDesk desk;
    private final Messenger messenger;
    private final Texts texts;
    private final VolunteerLanguage languages;
    private final Topics topics;
    private final Announcements announcements;
    private final HeldQuestions held;
    private final HandoffProperties properties;
    private final TransactionTemplate transaction;

    HandoffForgetting(JdbcClient jdbc, Tickets tickets, Volunteers volunteers, VolunteerDesk desk, Messenger messenger,
                      Texts texts, VolunteerLanguage languages, Topics topics, Announcements announcements,
                      HeldQuestions held, HandoffProperties properties, TransactionTemplate transaction) {
        this.announcements = announcements;
        this.held = held;
        this.properties = properties;
        this.transaction = transaction;
        this.topics = topics;
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.volunteers = volunteers;
        this.desk = desk;
        this.messenger = messenger;
        this.texts = texts;
        this.languages = languages;
    }

    @Override
    public boolean keeps(long userId) {
        return tickets.openFor(userId).isPresent() || volunteers.active(userId).isPresent();
    }

    /** For /privacy: the open ticket, the closed ones still kept, the last question held — what /forget deletes here. */
    @Override
    public List<String> describe(long userId, Language language) {
        List<String> lines = new ArrayList<>();
        if (held.before(userId, Integer.MAX_VALUE).isPresent()) {
            lines.add(texts.get(language, "privacy.held-question", properties.questionKept().toMinutes()));
        }
        tickets.openFor(userId).ifPresent(t -> lines.add(texts.get(language, t.status() == Ticket.Status.QUEUED
                ? "privacy.ticket.queued" : "privacy.ticket.assigned", t.number())));
        List<Long> closed = tickets.closedFor(userId);
        if (!closed.isEmpty()) {
            lines.add(texts.get(language, "privacy.ticket.closed", closed.stream().map(n -> "#" + n)
                    .collect(Collectors.joining(", "))));
        }
        return lines;
    }

    @EventListener
    void forget(UserForgotten event) {
        long user = event.userId();
        tickets.openFor(user).ifPresent(announcements::closed); // the group's post keeps nothing of their question
        tickets.openFor(user).filter(topics::holds).ifPresent(t -> topics.closed(t, t.guest()));
        tickets.openFor(user).filter(t -> t.volunteerId() != null && !topics.holds(t)).ifPresent(t -> messenger.send(
                t.volunteerId(), Reply.text(texts.get(languages.of(t.volunteerId()), "handoff.refugee-left",
                        t.number(), t.guest()))));
        jdbc.sql("delete from message_pair where ticket_id in (select id from ticket where user_id = ?)").param(user)
                .update();
        jdbc.sql("delete from ticket_thread where ticket_id in (select id from ticket where user_id = ?)").param(user)
                .update();
        jdbc.sql("delete from ticket_article where ticket_id in (select id from ticket where user_id = ?)").param(user)
                .update();
        jdbc.sql("delete from ticket where user_id = ?").param(user).update();
        jdbc.sql("delete from handoff_step where user_id = ?").param(user).update();
        held.drop(user);

        tickets.assignedTo(user).forEach(t -> desk.release(t, languages.of(user)));
        jdbc.sql("update ticket set volunteer_id = null where volunteer_id = ?").param(user).update();
        jdbc.sql("update message_pair set volunteer_chat = null, volunteer_message = null where volunteer_chat = ?")
                .param(user).update();
        jdbc.sql("update ticket_article set volunteer_id = null where volunteer_id = ?").param(user).update();
        jdbc.sql("update ticket_article set chat_id = 0, message_id = null where chat_id = ?").param(user).update();
        jdbc.sql("delete from volunteer where user_id = ?").param(user).update();
        jdbc.sql("delete from volunteer_invite where created_by = ? or used_by = ?").params(user, user).update();
    }

    @EventListener
    void purge(RetentionDue event) {
        jdbc.sql("delete from message_pair where ticket_id in (select id from ticket where status = 'CLOSED' "
                + "and closed_at < ?)").param(event.cutoff()).update();
        jdbc.sql("delete from ticket_thread where ticket_id in (select id from ticket where status = 'CLOSED' "
                + "and closed_at < ?)").param(event.cutoff()).update();
        jdbc.sql("delete from ticket where status = 'CLOSED' and closed_at < ?").param(event.cutoff()).update();
        // what was sent stays for the statistics only as long as the rest
        jdbc.sql("delete from ticket_article where created_at < ?").param(event.cutoff()).update();
        jdbc.sql("delete from volunteer_invite where expires_at < ?").param(event.cutoff()).update();
        jdbc.sql("delete from handoff_step where created_at < ?").param(event.cutoff()).update();
        held.expire();
    }

    /**
     * A question held for "Ask a volunteer" goes once {@code relohelp.handoff.question-kept} has passed (it is not
     * offered after that anyway), not only at the daily purge. Every instance may do it: it deletes only what is due.
     */
    @Scheduled(fixedDelayString = "${relohelp.handoff.check-every:30s}", initialDelayString = "5s")
    void expireHeldQuestions() {
        transaction.executeWithoutResult(status -> held.expire());
    }
}
