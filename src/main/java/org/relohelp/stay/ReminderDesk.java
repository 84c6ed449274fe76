package org.relohelp.stay;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.relohelp.chat.Access;
import org.relohelp.chat.Button;
import org.relohelp.chat.ButtonResult;
import org.relohelp.chat.ButtonRoute;
import org.relohelp.chat.ChatFeature;
import org.relohelp.chat.Command;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;
import org.relohelp.chat.Messenger;
import org.relohelp.chat.Profile;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.relohelp.chat.UserBlockedBot;
import org.relohelp.cluster.Leadership;
import org.relohelp.cluster.LeadershipGained;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stay reminders: set from the buttons under a count, listed and cancelled with /reminders, sent at 10:00
 * local time by a scheduled check (so one due while the bot was down goes out when it is back), and
 * cancelled when the user blocks the bot.
 */
@Service
public class ReminderDesk implements ChatFeature {

    static final String CANCEL_ACTION = "unremind:";
    private static final Logger log = LoggerFactory.getLogger(ReminderDesk.class);

    private final Reminders reminders;
    private final CountryTime time;
    private final StayView view;
    private final Messenger messenger;
    private final Texts texts;
    private final Leadership leadership;
    private final TransactionTemplate transaction;

    ReminderDesk(Reminders reminders, CountryTime time, StayView view, Messenger messenger, Texts texts,
                 Leadership leadership, TransactionTemplate transaction) {
        this.reminders = reminders;
        this.time = time;
        this.view = view;
        this.messenger = messenger;
        this.texts = texts;
        this.leadership = leadership;
        this.transaction = transaction;
    }

    @Override
    public List<Command> commands() {
        return List.of(Command.of("reminders", Access.EVERYONE, "menu.reminders", asked -> list(asked.profile())).at(30));
    }

    @Override
    public List<ButtonRoute> buttons() {
        return List.of(ButtonRoute.of(StayView.REMIND_ACTION, pressed -> press(pressed.profile(), pressed.action())),
                ButtonRoute.of(CANCEL_ACTION, pressed -> press(pressed.profile(), pressed.action())));
    }

    /**
     * "remind:KIND:COUNTRY:LAST-LEGAL-DAY:REGISTRATION" ({@link StayView.ReminderRow}) sets one and redraws the
     * count's buttons with it shown as set; the older "remind:KIND:DATE:COUNTRY" only sets it. "unremind:ID"
     * cancels the user's own. Forged data: nothing.
     */
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
            Optional<StayView.ReminderRow> row = parts.length == 5
                    ? StayView.ReminderRow.parse(parts[2], parts[3], parts[4]) : Optional.empty();
            Country country = row.map(StayView.ReminderRow::country).orElseGet(() -> Country.valueOf(parts[3]));
            LocalDate event = row.isPresent() ? row.get().eventOf(kind).orElseThrow() : LocalDate.parse(parts[2]);
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
            String toast = added ? texts.plain(lang, "stay.reminder-set", view.date(day, lang))
                    : texts.plain(lang, "stay.reminder-exists");
            return Optional.of(row.map(r -> new ButtonResult(toast, null,
                    new Reply(null, view.buttons(r, today, setFor(profile.userId(), r), lang))))
                    .orElseGet(() -> ButtonResult.toast(toast)));
        } catch (RuntimeException forged) {
            return Optional.empty();
        }
    }

    /** Which of a count's reminders are pending. */
    private Set<Reminders.Kind> setFor(long userId, StayView.ReminderRow row) {
        Set<Reminders.Kind> set = EnumSet.noneOf(Reminders.Kind.class);
        for (Reminders.Reminder r : reminders.pendingFor(userId)) {
            if (r.country() == row.country() && row.eventOf(r.kind()).filter(r.eventDate()::equals).isPresent()) {
                set.add(r.kind());
            }
        }
        return set;
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
            String text = texts.get(r.language(), "stay.remind." + r.kind().name(), view.date(r.eventDate(), r.language()),
                    texts.countryName(r.language(), r.country()));
            // claimed, queued and marked sent together: after a crash it is either all done or not at all
            transaction.executeWithoutResult(status -> {
                if (reminders.claim(r.id())) {
                    messenger.send(r.userId(), Reply.text(text));
                    reminders.sent(r.id());
                }
            });
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
