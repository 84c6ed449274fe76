package org.relohelp.stay;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.relohelp.chat.Button;
import org.relohelp.chat.ButtonResult;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;
import org.relohelp.chat.Messenger;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.relohelp.chat.UserBlockedBot;
import org.relohelp.cluster.Leadership;
import org.relohelp.cluster.LeadershipGained;
import org.relohelp.users.Profile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Stay reminders: set from the buttons under a count, listed and cancelled with /reminders, sent at 10:00
 * local time by a scheduled check (so one due while the bot was down goes out when it is back), and
 * cancelled when the user blocks the bot.
 */
@Service
public class ReminderDesk {

    static final String CANCEL_ACTION = "unremind:";
    private static final Logger log = LoggerFactory.getLogger(ReminderDesk.class);

    private final Reminders reminders;
    private final CountryTime time;
    private final StayView view;
    private final Messenger messenger;
    private final Texts texts;
    private final Leadership leadership;

    ReminderDesk(Reminders reminders, CountryTime time, StayView view, Messenger messenger, Texts texts,
                 Leadership leadership) {
        this.reminders = reminders;
        this.time = time;
        this.view = view;
        this.messenger = messenger;
        this.texts = texts;
        this.leadership = leadership;
    }

    public boolean handles(String action) {
        return action.startsWith(StayView.REMIND_ACTION) || action.startsWith(CANCEL_ACTION);
    }

    /** "remind:<kind>:<date>:<country>" sets one; "unremind:<id>" cancels the user's own. Forged data: nothing. */
    public Optional<ButtonResult> press(Profile profile, String action) {
        Language lang = profile.language();
        String[] parts = action.split(":");
        try {
            if (action.startsWith(CANCEL_ACTION) && parts.length == 2) {
                return reminders.cancel(Long.parseLong(parts[1]), profile.userId())
                        ? Optional.of(new ButtonResult(texts.get(lang, "stay.reminder-cancelled"), null, list(profile)))
                        : Optional.empty();
            }
            Reminders.Kind kind = Reminders.Kind.values()[Integer.parseInt(parts[1])];
            LocalDate event = LocalDate.parse(parts[2]);
            Country country = Country.valueOf(parts[3]);
            LocalDate today = time.today(country);
            if (event.isBefore(today) || event.isAfter(today.plusYears(3))) {
                return Optional.empty();
            }
            LocalDate day = switch (kind) {
                case WEEK_BEFORE -> event.minusDays(7);
                case DAY_BEFORE, REGISTRATION -> event.minusDays(1);
            };
            day = day.isBefore(today) ? today : day;
            boolean added = reminders.add(profile.userId(), country, kind, event, time.reminderTimeUtc(country, day),
                    lang);
            return Optional.of(ButtonResult.toast(added ? texts.plain(lang, "stay.reminder-set", view.date(day, lang))
                    : texts.get(lang, "stay.reminder-exists")));
        } catch (RuntimeException forged) {
            return Optional.empty();
        }
    }

    /** /reminders: the pending ones, each a button that cancels it. */
    public Reply list(Profile profile) {
        Language lang = profile.language();
        List<Reminders.Reminder> pending = reminders.pendingFor(profile.userId());
        if (pending.isEmpty()) {
            return Reply.text(texts.get(lang, "stay.reminders-empty"));
        }
        List<List<Button>> rows = new ArrayList<>();
        for (Reminders.Reminder r : pending) {
            rows.add(List.of(new Button(texts.plain(lang, "stay.reminder-label", texts.countryName(lang, r.country()),
                    texts.plain(lang, "stay.kind." + r.kind().name(), view.date(r.eventDate(), lang))),
                    CANCEL_ACTION + r.id())));
        }
        return Reply.withButtons(texts.get(lang, "stay.reminders"), rows);
    }

    /** At the start, or when this instance takes over from another: claims nobody is working on any more. */
    @EventListener(LeadershipGained.class)
    void releaseInterruptedSends() {
        reminders.releaseClaims();
    }

    @Scheduled(fixedDelayString = "${relohelp.stay.check-every:60s}", initialDelayString = "3s")
    void sendDue() {
        if (!leadership.isLeader()) {
            return; // several instances: only the leader sends reminders
        }
        for (Reminders.Reminder r : reminders.due(time.nowUtc())) {
            if (!leadership.isLeader()) {
                return; // it stopped leading meanwhile: the rest is the next leader's
            }
            if (!reminders.claim(r.id())) {
                continue;
            }
            String text = texts.get(r.language(), "stay.remind." + r.kind().name(), view.date(r.eventDate(), r.language()),
                    texts.countryName(r.language(), r.country()));
            if (messenger.send(r.userId(), Reply.text(text)).isEmpty()) {
                reminders.retryAt(r.id(), time.nowUtc().plusMinutes(10));
                log.warn("Reminder {} not delivered; retrying later", r.id());
            } else {
                reminders.sent(r.id());
            }
        }
    }

    @EventListener
    void userBlocked(UserBlockedBot event) {
        int cancelled = reminders.cancelAll(event.userId());
        if (cancelled > 0) {
            log.info("User {} blocked the bot: {} reminders cancelled", event.userId(), cancelled);
        }
    }
}
