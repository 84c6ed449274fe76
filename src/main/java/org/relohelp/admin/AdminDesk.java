package org.relohelp.admin;

import java.util.Optional;
import org.relohelp.chat.ButtonResult;
import org.relohelp.chat.Incoming;
import org.relohelp.chat.Language;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.relohelp.handoff.Roles;
import org.relohelp.knowledge.Answers;
import org.relohelp.knowledge.Gaps;
import org.relohelp.stay.StayRuleList;
import org.relohelp.chat.Profile;
import org.springframework.stereotype.Component;

/**
 * The admins' commands, buttons and pending edits, handed to the admin features (statistics, gaps, stale
 * knowledge, drafts, broadcasts). To anyone else the commands do not exist: the answer is the usual "unknown
 * command", and their buttons change nothing.
 */
@Component
public class AdminDesk {

    private final Roles roles;
    private final Answers answers;
    private final Stats stats;
    private final Gaps gaps;
    private final StaleKnowledge stale;
    private final StayRuleList stayRules;
    private final DraftReview drafts;
    private final BroadcastDesk broadcasts;
    private final Texts texts;

    AdminDesk(Roles roles, Answers answers, Stats stats, Gaps gaps, StaleKnowledge stale, StayRuleList stayRules,
              DraftReview drafts, BroadcastDesk broadcasts, Texts texts) {
        this.drafts = drafts;
        this.broadcasts = broadcasts;
        this.stayRules = stayRules;
        this.roles = roles;
        this.answers = answers;
        this.stats = stats;
        this.gaps = gaps;
        this.stale = stale;
        this.texts = texts;
    }

    public Reply command(Profile profile, String command, String argument) {
        Language language = profile.language();
        if (!roles.isAdmin(profile.userId())) {
            return Reply.text(texts.get(language, "command.unknown"));
        }
        return switch (command) {
            case "admin" -> Reply.text(texts.get(language, "admin.help"));
            case "reload" -> reload(language);
            case "stats" -> stats.report(language);
            case "gaps" -> gaps.report(argument, language);
            case "stale" -> stale.report(language);
            case "drafts" -> drafts.list(profile.userId(), language);
            case "broadcast" -> broadcasts.command(profile, argument);
            default -> Reply.text(texts.get(language, "command.unknown"));
        };
    }

    public boolean handles(String action) {
        return drafts.handles(action) || broadcasts.handles(action);
    }

    /** A button under a draft or a broadcast preview; each feature refuses presses by anyone but an admin. */
    public Optional<ButtonResult> press(Profile profile, String action) {
        return drafts.handles(action) ? drafts.press(profile.userId(), action, profile.language())
                : broadcasts.press(profile, action);
    }

    /** An admin's message while they edit a draft; empty for everyone else and for admins not editing. */
    public Optional<Reply> onMessage(Profile profile, Incoming message) {
        return drafts.onMessage(profile.userId(), message, profile.language());
    }

    /** The knowledge folder's articles and its stay rules, both re-read: one report. */
    private Reply reload(Language language) {
        Reply articles = answers.reload(language);
        StayRuleList.Reloaded rules = stayRules.reload();
        String stay = rules.error() == null ? texts.get(language, "reload.stay", String.valueOf(rules.rules()))
                : texts.get(language, "reload.stay-invalid", rules.error());
        return Reply.text(articles.html() + "\n" + stay);
    }
}
