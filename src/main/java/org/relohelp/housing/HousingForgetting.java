package org.relohelp.housing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.stereotype.Component;

/**
 * Housing's share of /privacy, /forget and retention. Someone who forgets takes their offers down (guests waiting
 * for an answer are told), leaves their conversations (the other side is told only that they left) and loses every
 * row about them: host record, invitations, offers, requests, message pairs, reports, dialogue, a draft set aside.
 * The daily purge deletes requests and their conversations 30 days after they ended or after the stay's last date,
 * closed offers 30 days after they closed, old invitations, dialogues and drafts set aside. Only a host block
 * outlives /forget — the id and the day, nothing else — until {@code block-kept} after the block.
 */
@Component
class HousingForgetting implements KeepsUser, KeptData {

    private static final String OF_USER = "select id from housing_request where guest_id = ? or host_id = ?";
    private static final String FINISHED = "select id from housing_request where (status not in ('PENDING', "
            + "'ACCEPTED') and ended_at < ?) or date_to < ?";

    private final JdbcClient jdbc;
    private final Hosts hosts;
    private final Offers offers;
    private final Requests requests;
    private final Takedown takedown;
    private final Talks talks;
    private final Messenger messenger;
    private final Texts texts;
    private final People people;
    private final OfferView view;
    private final HousingProperties properties;
    private final Clock clock;

    HousingForgetting(JdbcClient jdbc, Hosts hosts, Offers offers, Requests requests, Takedown takedown, Talks talks,
                      Messenger messenger, Texts texts, People people, OfferView view, HousingProperties properties,
                      Clock clock) {
        this.jdbc = jdbc;
        this.hosts = hosts;
        this.offers = offers;
        this.requests = requests;
        this.takedown = takedown;
        this.talks = talks;
        this.messenger = messenger;
        this.texts = texts;
        this.people = people;
        this.view = view;
        this.properties = properties;
        this.clock = clock;
    }

    /** A host, or someone in a conversation or waiting for an answer, is not purged for being quiet. */
    @Override
    public boolean keeps(long userId) {
        return hosts.isHost(userId) || !requests.openOf(userId).isEmpty();
    }

    @Override
    public List<String> describe(long userId, Language language) {
        List<String> lines = new ArrayList<>();
        if (hosts.isHost(userId)) {
            lines.add(texts.get(language, "housing.kept.host", offers.openOf(userId).size()));
        }
        hosts.blockedOn(userId).ifPresent(day -> lines.add(texts.get(language, "housing.kept.blocked",
                view.date(day, language), view.date(day.plusDays(properties.blockKept().toDays()), language))));
        int asked = jdbc.sql("select count(*) from housing_request where guest_id = ?").param(userId)
                .query(Integer.class).single();
        if (asked > 0) {
            lines.add(texts.get(language, "housing.kept.requests", asked));
        }
        return lines;
    }

    @EventListener
    void forget(UserForgotten event) {
        long user = event.userId();
        for (Request r : requests.openOf(user)) {
            if (r.status() == Request.Status.ACCEPTED) {
                talks.endWithout(r, user, "housing.talk.left");
            } else if (r.guestId() == user) {
                Language lang = people.language(r.hostId());
                messenger.send(r.hostId(), Reply.text(texts.get(lang, "housing.request.withdrawn-host", r.guest(),
                        r.id())));
            }
        }
        takedown.hostGone(user);
        jdbc.sql("delete from housing_pair where request_id in (" + OF_USER + ")").params(user, user).update();
        jdbc.sql("delete from housing_focus where user_id = ? or request_id in (" + OF_USER + ")")
                .params(user, user, user).update();
        jdbc.sql("delete from housing_request where guest_id = ? or host_id = ?").params(user, user).update();
        jdbc.sql("delete from housing_report where reporter_id = ? or offer_id in "
                + "(select id from housing_offer where host_id = ?)").params(user, user).update();
        jdbc.sql("delete from housing_offer where host_id = ?").param(user).update();
        jdbc.sql("delete from housing_step where user_id = ?").param(user).update();
        jdbc.sql("delete from housing_offer_aside where user_id = ?").param(user).update();
        jdbc.sql("delete from housing_host where user_id = ?").param(user).update();
        // housing_block stays: a blocked host who forgets is still blocked, and /addhost still says so
        jdbc.sql("delete from housing_invite where created_by = ? or used_by = ?").params(user, user).update();
    }

    @EventListener
    void purge(RetentionDue event) {
        var cutoff = event.cutoff();
        var day = cutoff.toLocalDate();
        jdbc.sql("delete from housing_pair where request_id in (" + FINISHED + ")").params(cutoff, day).update();
        jdbc.sql("delete from housing_focus where request_id in (" + FINISHED + ")").params(cutoff, day).update();
        jdbc.sql("delete from housing_request where (status not in ('PENDING', 'ACCEPTED') and ended_at < ?) "
                + "or date_to < ?").params(cutoff, day).update();
        String closed = "select id from housing_offer o where status = 'CLOSED' and closed_at < ? "
                + "and not exists (select 1 from housing_request r where r.offer_id = o.id)";
        jdbc.sql("delete from housing_report where offer_id in (" + closed + ")").param(cutoff).update();
        jdbc.sql("delete from housing_offer where id in (" + closed + ")").param(cutoff).update();
        jdbc.sql("delete from housing_invite where expires_at < ?").param(cutoff).update();
        jdbc.sql("delete from housing_step where created_at < ?").param(cutoff).update();
        jdbc.sql("delete from housing_offer_aside where created_at < ?").param(cutoff).update();
        jdbc.sql("delete from housing_block where blocked_on < ?")
                .param(LocalDate.now(clock).minusDays(properties.blockKept().toDays())).update();
    }
}
