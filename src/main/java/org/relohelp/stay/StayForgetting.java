package org.relohelp.stay;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.relohelp.chat.Language;
import org.relohelp.chat.Texts;
import org.relohelp.users.KeepsUser;
import org.relohelp.users.KeptData;
import org.relohelp.users.RetentionDue;
import org.relohelp.users.UserForgotten;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The stay feature's share of /privacy, forgetting and retention: counts in progress and reminders. */
@Component
class StayForgetting implements KeepsUser, KeptData {

    private final JdbcClient jdbc;
    private final StaySessions sessions;
    private final Reminders reminders;
    private final StayView view;
    private final Texts texts;

    StayForgetting(JdbcClient jdbc, StaySessions sessions, Reminders reminders, StayView view, Texts texts) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.reminders = reminders;
        this.view = view;
        this.texts = texts;
    }

    @Override
    public boolean keeps(long userId) {
        return jdbc.sql("select count(*) from reminder where user_id = ? and state = 'PENDING'").param(userId)
                .query(Integer.class).single() > 0;
    }

    /** The count in progress with its dates and trips, and every reminder row, as /forget would delete them. */
    @Override
    public List<String> describe(long userId, Language lang) {
        List<String> lines = new ArrayList<>();
        sessions.of(userId).ifPresent(s -> {
            List<String> parts = new ArrayList<>();
            if (s.country() != null) {
                parts.add(texts.countryName(lang, s.country()));
            }
            if (s.entry() != null) {
                parts.add(texts.get(lang, "privacy.stay.entry", view.date(s.entry(), lang)));
            }
            if (!s.trips().isEmpty()) {
                parts.add(texts.get(lang, "privacy.stay.trips", s.trips().stream()
                        .map(t -> view.date(t.entry(), lang) + " – " + view.date(t.exit(), lang))
                        .collect(Collectors.joining("; "))));
            }
            lines.add(texts.get(lang, "privacy.stay.count", parts.isEmpty() ? "—" : String.join(", ", parts)));
        });
        for (Reminders.Kept r : reminders.keptFor(userId)) {
            String state = r.state().equals("SENDING") ? "PENDING" : r.state();
            lines.add(texts.get(lang, "privacy.stay.reminder", texts.countryName(lang, r.country()),
                    texts.get(lang, "stay.kind." + r.kind().name(), view.date(r.eventDate(), lang)),
                    texts.get(lang, "privacy.stay.state." + state)));
        }
        return lines;
    }

    @EventListener
    void forget(UserForgotten event) {
        jdbc.sql("delete from stay_session where user_id = ?").param(event.userId()).update();
        jdbc.sql("delete from reminder where user_id = ?").param(event.userId()).update();
    }

    @EventListener
    void purge(RetentionDue event) {
        jdbc.sql("delete from reminder where state in ('SENT', 'CANCELLED') and created_at < ?").param(event.cutoff())
                .update();
        jdbc.sql("delete from stay_session where updated_at < ?").param(event.cutoff()).update();
    }
}
