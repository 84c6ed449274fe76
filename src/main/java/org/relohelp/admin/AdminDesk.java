package org.relohelp.admin;

import org.relohelp.chat.Html;
import org.relohelp.chat.Language;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.relohelp.handoff.Roles;
import org.relohelp.knowledge.Answers;
import org.relohelp.knowledge.Gaps;
import org.relohelp.stay.StayRuleList;
import org.springframework.stereotype.Component;

/** The admins' commands. To anyone else they do not exist: the answer is the usual "unknown command". */
@Component
public class AdminDesk {

    private final Roles roles;
    private final Answers answers;
    private final Stats stats;
    private final Gaps gaps;
    private final StaleKnowledge stale;
    private final StayRuleList stayRules;
    private final Texts texts;

    AdminDesk(Roles roles, Answers answers, Stats stats, Gaps gaps, StaleKnowledge stale, StayRuleList stayRules,
              Texts texts) {
        this.stayRules = stayRules;
        this.roles = roles;
        this.answers = answers;
        this.stats = stats;
        this.gaps = gaps;
        this.stale = stale;
        this.texts = texts;
    }

    public Reply command(long user, Language language, String command, String argument) {
        if (!roles.isAdmin(user)) {
            return Reply.text(texts.get(language, "command.unknown"));
        }
        return switch (command) {
            case "admin" -> Reply.text(texts.get(language, "admin.help"));
            case "reload" -> reload(language);
            case "stats" -> stats.report(language);
            case "gaps" -> gaps.report(argument, language);
            case "stale" -> stale.report(language);
            default -> Reply.text(texts.get(language, "command.unknown"));
        };
    }

    /** The knowledge folder's articles and its stay rules, both re-read: one report. */
    private Reply reload(Language language) {
        Reply articles = answers.reload(language);
        StayRuleList.Reloaded rules = stayRules.reload();
        String stay = rules.error() == null ? texts.get(language, "reload.stay", String.valueOf(rules.rules()))
                : texts.get(language, "reload.stay-invalid", Html.escape(rules.error()));
        return Reply.text(articles.html() + "\n" + stay);
    }
}
