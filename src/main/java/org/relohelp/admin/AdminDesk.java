package org.relohelp.admin;

import org.relohelp.chat.Language;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.relohelp.handoff.Roles;
import org.relohelp.knowledge.Answers;
import org.relohelp.knowledge.Gaps;
import org.springframework.stereotype.Component;

/** The admins' commands. To anyone else they do not exist: the answer is the usual "unknown command". */
@Component
public class AdminDesk {

    private final Roles roles;
    private final Answers answers;
    private final Stats stats;
    private final Gaps gaps;
    private final StaleKnowledge stale;
    private final Texts texts;

    AdminDesk(Roles roles, Answers answers, Stats stats, Gaps gaps, StaleKnowledge stale, Texts texts) {
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
            case "reload" -> answers.reload(language);
            case "stats" -> stats.report(language);
            case "gaps" -> gaps.report(argument, language);
            case "stale" -> stale.report(language);
            default -> Reply.text(texts.get(language, "command.unknown"));
        };
    }
}
