package org.relohelp.admin;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.relohelp.chat.Language;
import org.relohelp.chat.Messenger;
import org.relohelp.chat.Profile;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.relohelp.cluster.Leadership;
import org.relohelp.handoff.Roles;
import org.relohelp.knowledge.Article;
import org.relohelp.knowledge.KnowledgeBase;
import org.relohelp.knowledge.Staleness;
import org.relohelp.stay.StayRuleList;
import org.relohelp.users.Profiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Articles and stay rules no person has checked against their sources (or not for longer than the configured age):
 * listed to every admin once a week (and on {@code /stale}), so a curator checks them before a changed rule misleads
 * someone.
 */
@Component
public class StaleKnowledge {

    private static final Logger log = LoggerFactory.getLogger(StaleKnowledge.class);
    private static final int MAX_LINES = 40;

    private final KnowledgeBase knowledge;
    private final StayRuleList stayRules;
    private final Staleness staleness;
    private final Roles roles;
    private final Profiles profiles;
    private final Messenger messenger;
    private final Texts texts;
    private final Leadership leadership;

    StaleKnowledge(KnowledgeBase knowledge, StayRuleList stayRules, Staleness staleness, Roles roles,
                   Profiles profiles, Messenger messenger, Texts texts, Leadership leadership) {
        this.knowledge = knowledge;
        this.stayRules = stayRules;
        this.staleness = staleness;
        this.roles = roles;
        this.profiles = profiles;
        this.messenger = messenger;
        this.texts = texts;
        this.leadership = leadership;
    }

    /**
     * The weekly list; nothing is sent when everything is fresh. Several instances: only the leader sends it. The
     * cron is read in a named zone, never the machine's.
     */
    @Scheduled(cron = "${relohelp.knowledge.stale-report-cron:0 0 9 * * MON}",
            zone = "${relohelp.knowledge.stale-report-zone:UTC}")
    public void remindAdmins() {
        if (!leadership.isLeader()) {
            return;
        }
        int sent = 0;
        for (long admin : roles.admins()) {
            Language language = profiles.find(admin).map(Profile::language).orElse(Language.RU);
            Optional<Reply> list = list(language);
            if (list.isPresent()) {
                messenger.send(admin, list.get());
                sent++;
            }
        }
        log.info("Stale knowledge list queued for {} admins", sent);
    }

    /** An admin's {@code /stale}. */
    public Reply report(Language lang) {
        return list(lang).orElseGet(() -> Reply.text(texts.get(lang, "stale.none",
                date(staleness.staleBefore(), lang))));
    }

    private Optional<Reply> list(Language lang) {
        LocalDate before = staleness.staleBefore();
        List<Article> articles = knowledge.needingCheck(before);
        List<StayRuleList.Aged> rules = stayRules.needingCheck(before, lang);
        if (articles.isEmpty() && rules.isEmpty()) {
            return Optional.empty();
        }
        // an article's languages in one line when they are in the same state
        Map<String, List<Article>> byArticle = new LinkedHashMap<>();
        articles.forEach(a -> byArticle.computeIfAbsent(a.id() + "/" + a.verified(), k -> new ArrayList<>()).add(a));
        StringBuilder html = new StringBuilder(texts.get(lang, "stale.title", date(before, lang),
                String.valueOf(byArticle.size()), String.valueOf(rules.size())));
        int lines = 0;
        for (StayRuleList.Aged rule : rules) {
            if (lines++ < MAX_LINES) {
                String country = texts.countryName(lang, rule.country());
                html.append("\n• ").append(rule.verified() == null
                        ? texts.get(lang, "stale.rule-unchecked", country, rule.title(), date(rule.oldestFact(), lang))
                        : texts.get(lang, "stale.rule", country, rule.title(), date(rule.verified(), lang),
                                date(rule.oldestFact(), lang)));
            }
        }
        for (List<Article> languages : byArticle.values()) {
            if (lines++ < MAX_LINES) {
                Article article = languages.get(0);
                String codes = languages.stream().map(a -> a.language().code()).collect(Collectors.joining(", "));
                String facts = article.oldestFact().map(day -> date(day, lang)).orElse("—");
                html.append("\n• ").append(article.verified() == null
                        ? texts.get(lang, "stale.article-unchecked", article.id(), codes,
                                article.title(), facts)
                        : texts.get(lang, "stale.article", article.id(), codes,
                                article.title(), date(article.verified(), lang), facts));
            }
        }
        if (lines > MAX_LINES) {
            html.append("\n").append(texts.get(lang, "stale.more", String.valueOf(lines - MAX_LINES)));
        }
        return Optional.of(Reply.text(html.toString()));
    }

    private String date(LocalDate day, Language lang) {
        return DateTimeFormatter.ofPattern(texts.get(lang, "article.date-pattern"), lang.locale()).format(day);
    }
}
