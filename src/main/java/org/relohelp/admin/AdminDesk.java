package org.relohelp.admin;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.relohelp.chat.Access;
import org.relohelp.chat.Asked;
import org.relohelp.chat.ButtonRoute;
import org.relohelp.chat.ChatFeature;
import org.relohelp.chat.Command;
import org.relohelp.chat.Dialogue;
import org.relohelp.chat.Language;
import org.relohelp.chat.Profile;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.relohelp.handoff.Roles;
import org.relohelp.knowledge.Answers;
import org.relohelp.knowledge.Gaps;
import org.relohelp.stay.StayRuleList;
import org.springframework.stereotype.Component;

/**
 * The admins' commands, buttons and pending edits, handed to the admin features (statistics, gaps, stale
 * knowledge, drafts, broadcasts). To anyone else the commands do not exist: the answer is the usual "unknown
 * command", and their buttons change nothing.
 */
@Component
public class AdminDesk implements ChatFeature, Dialogue {

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

    @Override
    public List<Command> commands() {
        return List.of(
                Command.of("stats", Access.ADMIN, "menu.stats", this::command).at(10),
                Command.of("drafts", Access.ADMIN, "menu.drafts", this::command).at(20),
                Command.of("broadcast", Access.ADMIN, "menu.broadcast", this::command).at(30),
                Command.of("gaps", Access.ADMIN, "menu.gaps", this::command).at(40),
                Command.of("stale", Access.ADMIN, "menu.stale", this::command).at(50),
                Command.of("reload", Access.ADMIN, "menu.reload", this::command).at(55));
    }

    @Override
    public List<ButtonRoute> buttons() {
        return List.of(new ButtonRoute(DraftReview.ACTION_PREFIX, Access.ADMIN,
                        pressed -> drafts.press(pressed.userId(), pressed.action(), pressed.language())),
                new ButtonRoute(BroadcastDesk.ACTION_PREFIX, Access.ADMIN,
                        pressed -> broadcasts.press(pressed.profile(), pressed.action())));
    }

    /** The admin commands; the edge let only admins through. */
    private Reply command(Asked asked) {
        Profile profile = asked.profile();
        Language language = profile.language();
        String argument = asked.argument();
        return switch (asked.command()) {
            case "reload" -> reload(language);
            case "stats" -> stats.report(language);
            case "gaps" -> gaps(argument, language);
            case "stale" -> stale.report(language);
            case "drafts" -> drafts.list(profile.userId(), language);
            case "broadcast" -> broadcasts.command(profile, argument);
            default -> Reply.text(texts.get(language, "command.unknown"));
        };
    }

    /** /gaps: the questions without a confident answer, then the tickets closed without any article. */
    private Reply gaps(String argument, Language language) {
        Reply questions = gaps.report(argument, language);
        java.util.OptionalInt days = Gaps.days(argument);
        return days.isEmpty() ? questions : stats.unaidedTickets(days.getAsInt(), language)
                .map(tickets -> Reply.text(questions.html() + "\n\n" + tickets)).orElse(questions);
    }

    // --- the step of editing a draft: the admin's next message is its new text --------------------------------

    @Override
    public boolean waitsFor(Profile profile) {
        // every private message passes here: for everyone but admins it is a check in memory
        return roles.isAdmin(profile.userId()) && drafts.editing(profile.userId());
    }

    @Override
    public Optional<Reply> answer(Asked asked) {
        return drafts.onMessage(asked.userId(), asked.message(), asked.language());
    }

    @Override
    public Reply leave(Profile profile, boolean cancelled) {
        return drafts.endEditing(profile.userId(), profile.language());
    }

    @Override
    public Reply reoffer(Profile profile) {
        return drafts.askAgain(profile.userId(), profile.language());
    }

    @Override
    public Set<String> ownCommands() {
        return Set.of("drafts");
    }

    @Override
    public Set<String> ownButtons() {
        return Set.of(DraftReview.ACTION_PREFIX);
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
