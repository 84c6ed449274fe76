package org.relohelp.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.relohelp.chat.Button;
import org.relohelp.chat.ButtonResult;
import org.relohelp.chat.Html;
import org.relohelp.chat.Language;
import org.relohelp.chat.Messenger;
import org.relohelp.chat.Profile;
import org.relohelp.chat.Reply;
import org.relohelp.users.Profiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * /broadcast for admins: a preview (the message exactly as recipients get it, the audience and its size) with
 * "Send to N" and "Cancel"; sending itself is the {@link BroadcastRunner}'s, in the background. Roles are checked
 * for the command and for every press; a press on anything but the admin's own fresh draft changes nothing.
 */
@Service
public class BroadcastDesk {

    static final String ACTION_PREFIX = "bc:";
    static final String SEND = "bc:send:";
    static final String CANCEL = "bc:cancel:";
    static final int MAX_TEXT = 3500; // with header and footer, one Telegram message (4096)
    /** The size on the button is counted at the preview; an old draft's number would mislead. */
    static final Duration DRAFT_VALIDITY = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(BroadcastDesk.class);

    private final Broadcasts broadcasts;
    private final BroadcastRunner runner;
    private final BroadcastView view;
    private final Profiles profiles;
    private final Messenger messenger;
    private final BroadcastProperties properties;
    private final Clock clock;

    BroadcastDesk(Broadcasts broadcasts, BroadcastRunner runner, BroadcastView view, Profiles profiles,
                  Messenger messenger, BroadcastProperties properties, Clock clock) {
        this.broadcasts = broadcasts;
        this.runner = runner;
        this.view = view;
        this.profiles = profiles;
        this.messenger = messenger;
        this.properties = properties;
        this.clock = clock;
    }

    /** "/broadcast KZ ru text": the preview, or how to write it (the edge lets only admins through). */
    public Reply command(Profile admin, String argument) {
        Language lang = admin.language();
        Optional<BroadcastRequest> parsed = BroadcastRequest.parse(argument);
        if (parsed.isEmpty()) {
            return Reply.text(view.text(lang, "broadcast.usage", MAX_TEXT));
        }
        BroadcastRequest request = parsed.get();
        if (request.text().length() > MAX_TEXT) {
            return Reply.text(view.text(lang, "broadcast.too-long", request.text().length(), MAX_TEXT));
        }
        LocalDateTime now = LocalDateTime.now(clock);
        String audience = view.audience(request.country(), request.language(), lang);
        List<Profile> recipients = profiles.audience(request.country(), request.language(), activeSince(now));
        if (recipients.isEmpty()) {
            return Reply.text(view.text(lang, "broadcast.nobody", audience, properties.activeDays()));
        }
        broadcasts.expireDrafts(now.minus(DRAFT_VALIDITY));
        long id = broadcasts.createDraft(admin.userId(), request.country(), request.language(), request.text(), now);
        log.info("Broadcast {} drafted by admin {} for {} recipients", id, admin.userId(), recipients.size());

        Map<Language, Long> byLanguage = recipients.stream()
                .collect(Collectors.groupingBy(Profile::language, Collectors.counting()));
        Language shown = byLanguage.containsKey(lang) ? lang : byLanguage.keySet().iterator().next();
        messenger.send(admin.userId(), view.message(request.text(), shown));
        String languages = byLanguage.size() < 2 ? "" : " " + view.text(lang, "broadcast.languages",
                byLanguage.get(Language.RU), byLanguage.get(Language.EN));
        String html = view.text(lang, "broadcast.preview", audience, recipients.size(), Html.trusted(languages),
                properties.activeDays());
        if (byLanguage.size() > 1) {
            html += "\n" + view.text(lang, "broadcast.other-language-note");
        }
        return Reply.withButtons(html, List.of(List.of(
                new Button(view.label(lang, "broadcast.button.send", recipients.size()), SEND + id),
                new Button(view.text(lang, "broadcast.button.cancel"), CANCEL + id))));
    }

    /** "Send" or "Cancel" under a preview. Forged, someone else's or stale: empty, and nothing changes. */
    public Optional<ButtonResult> press(Profile admin, String action) {
        if (!action.startsWith(SEND) && !action.startsWith(CANCEL)) {
            return Optional.empty();
        }
        boolean send = action.startsWith(SEND);
        long id;
        try {
            id = Long.parseLong(action.substring(send ? SEND.length() : CANCEL.length()));
        } catch (NumberFormatException forged) {
            return Optional.empty();
        }
        Optional<Broadcasts.Broadcast> found = broadcasts.find(id).filter(b -> b.adminId() == admin.userId());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Broadcasts.Broadcast broadcast = found.get();
        Language lang = admin.language();
        if (broadcast.state() == Broadcasts.State.SENDING || broadcast.state() == Broadcasts.State.DONE) {
            return Optional.of(ButtonResult.toast(view.text(lang, "broadcast.already-started")));
        }
        if (!send) {
            return broadcasts.cancel(id, admin.userId())
                    ? Optional.of(new ButtonResult(null, null, Reply.text(view.text(lang, "broadcast.cancelled"))))
                    : Optional.empty();
        }
        return start(broadcast, lang);
    }

    private Optional<ButtonResult> start(Broadcasts.Broadcast broadcast, Language lang) {
        LocalDateTime now = LocalDateTime.now(clock);
        // the recipients are fixed now, not at the preview: whoever muted in between is left out
        List<Profile> recipients = profiles.audience(broadcast.country(), broadcast.language(), activeSince(now));
        if (!broadcasts.start(broadcast.id(), broadcast.adminId(), now.minus(DRAFT_VALIDITY), recipients)) {
            broadcasts.expireDrafts(now.minus(DRAFT_VALIDITY)); // too old to send: its text goes now
            return Optional.empty();
        }
        log.info("Broadcast {} confirmed for {} recipients", broadcast.id(), recipients.size());
        runner.wake();
        String audience = view.audience(broadcast.country(), broadcast.language(), lang);
        return Optional.of(new ButtonResult(null, null,
                Reply.text(view.text(lang, "broadcast.started", broadcast.id(), audience, recipients.size()))));
    }

    private LocalDateTime activeSince(LocalDateTime now) {
        return now.minusDays(properties.activeDays());
    }
}
