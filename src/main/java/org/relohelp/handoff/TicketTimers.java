package org.relohelp.handoff;

import java.time.Clock;
import java.time.LocalDateTime;
import org.relohelp.chat.Messenger;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.relohelp.cluster.Leadership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps tickets moving: one nobody took is announced again, one whose volunteer went silent is flagged to
 * the admins and returned to the queue. Both periods are settings; the state lives in the database, so a
 * restart loses no timer.
 */
@Component
class TicketTimers {

    private static final Logger log = LoggerFactory.getLogger(TicketTimers.class);

    private final Tickets tickets;
    private final Volunteers volunteers;
    private final Announcements announcements;
    private final VolunteerDesk desk;
    private final Messenger messenger;
    private final Texts texts;
    private final HandoffProperties properties;
    private final VolunteerLanguage languages;
    private final Clock clock;
    private final Leadership leadership;
    private final TransactionTemplate transaction;

    TicketTimers(Tickets tickets, Volunteers volunteers, Announcements announcements, VolunteerDesk desk,
                 Messenger messenger, Texts texts, HandoffProperties properties, VolunteerLanguage languages,
                 Clock clock, Leadership leadership, TransactionTemplate transaction) {
        this.tickets = tickets;
        this.volunteers = volunteers;
        this.announcements = announcements;
        this.desk = desk;
        this.messenger = messenger;
        this.texts = texts;
        this.properties = properties;
        this.languages = languages;
        this.clock = clock;
        this.leadership = leadership;
        this.transaction = transaction;
    }

    @Scheduled(fixedDelayString = "${relohelp.handoff.check-every:30s}", initialDelayString = "5s")
    void run() {
        if (!leadership.isLeader()) {
            return; // several instances: only the leader re-announces and returns tickets
        }
        LocalDateTime now = LocalDateTime.now(clock);
        reannounce(now.minus(properties.reannounceAfter()));
        returnSilent(now.minus(properties.replyDeadline()));
    }

    void reannounce(LocalDateTime announcedBefore) {
        for (Ticket ticket : tickets.queuedAnnouncedBefore(announcedBefore)) {
            if (!leadership.isLeader()) {
                return; // it stopped leading meanwhile: the rest is the next leader's
            }
            log.info("Ticket {} not taken yet: announcing again", ticket.number());
            transaction.executeWithoutResult(status -> announcements.announce(ticket, true));
        }
    }

    void returnSilent(LocalDateTime silentSince) {
        for (Ticket ticket : tickets.assignedSilentSince(silentSince)) {
            if (!leadership.isLeader()) {
                return;
            }
            String name = volunteers.active(ticket.volunteerId()).map(Volunteer::displayName).orElse("?");
            log.info("Ticket {} had no volunteer reply in time: back to the queue", ticket.number());
            // the release and the messages announcing it commit together
            transaction.executeWithoutResult(status -> {
                for (Long admin : properties.adminIds()) {
                    messenger.send(admin, Reply.text(texts.get(languages.of(admin), "admin.silent-ticket",
                            ticket.number(), name, properties.replyDeadline().toHours())));
                }
                desk.release(ticket, languages.of(ticket.volunteerId()));
            });
        }
    }
}
