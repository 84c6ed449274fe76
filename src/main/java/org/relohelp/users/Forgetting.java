package org.relohelp.users;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.relohelp.chat.Access;
import org.relohelp.chat.Button;
import org.relohelp.chat.ButtonResult;
import org.relohelp.chat.ButtonRoute;
import org.relohelp.chat.ChatFeature;
import org.relohelp.chat.Command;
import org.relohelp.chat.Language;
import org.relohelp.chat.Profile;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.relohelp.chat.UserBlockedBot;
import org.relohelp.cluster.Leadership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * /privacy, /forget and retention. Forgetting publishes {@link UserForgotten} so that each feature deletes its
 * own rows, then deletes the profile. A daily job forgets users who blocked the bot past the grace period and
 * profiles inactive past the retention period, and tells every feature to purge old finished business.
 */
@Service
public class Forgetting implements ChatFeature {

    static final String CONFIRM = "forget:yes";
    static final String KEEP = "forget:no";
    private static final Logger log = LoggerFactory.getLogger(Forgetting.class);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Texts texts;
    private final PrivacyProperties properties;
    private final List<KeepsUser> keepers;
    private final List<KeptData> kept;
    private final Clock clock;
    private final Leadership leadership;
    private final TransactionTemplate transaction;

    Forgetting(JdbcClient jdbc, ApplicationEventPublisher events, Texts texts, PrivacyProperties properties,
               List<KeepsUser> keepers, List<KeptData> kept, Clock clock, Leadership leadership,
               TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.events = events;
        this.texts = texts;
        this.properties = properties;
        this.keepers = keepers;
        this.kept = kept;
        this.clock = clock;
        this.leadership = leadership;
        this.transaction = transaction;
    }

    /** What is kept in general, then what each feature keeps about this person now. */
    @Override
    public List<Command> commands() {
        return List.of(Command.of("privacy", Access.EVERYONE, "menu.privacy", asked -> privacy(asked.profile())).at(80),
                Command.of("forget", Access.EVERYONE, null, asked -> ask(asked.profile())));
    }

    @Override
    public List<ButtonRoute> buttons() {
        return List.of(ButtonRoute.of("forget:", pressed -> press(pressed.profile(), pressed.action())));
    }

    public Reply privacy(Profile profile) {
        Language lang = profile.language();
        StringBuilder text = new StringBuilder(texts.get(lang, "privacy.text", properties.retentionDays()));
        List<String> now = kept.stream().flatMap(k -> k.describe(profile.userId(), lang).stream()).toList();
        if (!now.isEmpty()) {
            text.append("\n\n").append(texts.get(lang, "privacy.kept-now"));
            now.forEach(line -> text.append("\n• ").append(line));
        }
        return Reply.text(text.append("\n\n").append(texts.get(lang, "privacy.forget")).toString());
    }

    public Reply ask(Profile profile) {
        Language lang = profile.language();
        return Reply.withButtons(texts.get(lang, "forget.ask"), List.of(List.of(
                new Button(texts.get(lang, "forget.button.yes"), CONFIRM),
                new Button(texts.get(lang, "forget.button.no"), KEEP))));
    }

    public Optional<ButtonResult> press(Profile profile, String action) {
        Language lang = profile.language();
        if (action.equals(KEEP)) {
            return Optional.of(new ButtonResult(null, null, Reply.text(texts.get(lang, "forget.kept"))));
        }
        if (!action.equals(CONFIRM)) {
            return Optional.empty(); // forged
        }
        forget(profile.userId());
        return Optional.of(new ButtonResult(null, null, Reply.text(texts.get(lang, "forget.done"))));
    }

    /**
     * Deletes everything about the user, feature by feature, then the profile itself; in the caller's transaction
     * (the update's, or the purge's), so it is all or nothing.
     */
    void forget(long userId) {
        events.publishEvent(new UserForgotten(userId));
        jdbc.sql("delete from profile where user_id = ?").param(userId).update();
        log.info("User {} forgotten", userId);
    }

    @EventListener
    void blocked(UserBlockedBot event) {
        jdbc.sql("update profile set blocked_at = coalesce(blocked_at, ?) where user_id = ?")
                .params(LocalDateTime.now(clock), event.userId()).update();
    }

    @Scheduled(cron = "${relohelp.privacy.purge-cron:0 30 3 * * *}", zone = "UTC")
    void daily() {
        if (!leadership.isLeader()) {
            return; // several instances: the leader purges, once
        }
        purge(LocalDateTime.now(clock));
    }

    /** Forgets blocked and inactive users and purges old business, in one transaction. */
    public void purge(LocalDateTime now) {
        transaction.executeWithoutResult(status -> purgeNow(now));
    }

    private void purgeNow(LocalDateTime now) {
        LocalDateTime cutoff = now.minusDays(properties.retentionDays());
        List<Long> blocked = jdbc.sql("select user_id from profile where blocked_at < ?")
                .param(now.minus(properties.blockedGrace())).query(Long.class).list();
        List<Long> inactive = jdbc.sql("select user_id from profile where last_seen_at < ? and blocked_at is null")
                .param(cutoff).query(Long.class).list().stream()
                .filter(user -> keepers.stream().noneMatch(k -> k.keeps(user))).toList();
        blocked.forEach(this::forget);
        inactive.forEach(this::forget);
        events.publishEvent(new RetentionDue(cutoff));
        log.info("Retention: {} blocked and {} inactive users forgotten; data before {} purged", blocked.size(),
                inactive.size(), cutoff.toLocalDate());
    }
}
