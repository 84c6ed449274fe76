package org.relohelp.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.relohelp.chat.Html;
import org.relohelp.chat.KnowledgeLookup;
import org.relohelp.chat.Language;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.relohelp.chat.UpdatesSetAside;
import org.relohelp.handoff.Roles;
import org.relohelp.handoff.TicketStats;
import org.relohelp.housing.HousingStats;
import org.relohelp.knowledge.KnowledgeStats;
import org.relohelp.users.Activity;
import org.springframework.stereotype.Component;

/**
 * An admin's {@code /stats}: who uses the bot (7 and 30 days, by country and language), how much the knowledge
 * base answers itself (the deflection rate: answered ÷ (answered + tickets)), 👍/👎 per article, the articles
 * volunteers sent from inside tickets and whether the bot's own answer would have found them, tickets, the median
 * wait for a volunteer's first reply and the average rating; housing offers live, requests, accepted ones and
 * reports. Counts only: nobody is named.
 */
@Component
public class Stats {

    private static final int UNAIDED_SHOWN = 10;

    private final Activity activity;
    private final Roles roles;
    private final KnowledgeStats knowledge;
    private final TicketStats tickets;
    private final Texts texts;
    private final Clock clock;
    private final UpdatesSetAside setAside;
    private final HousingStats housing;
    private final KnowledgeLookup lookup;

    Stats(Activity activity, Roles roles, KnowledgeStats knowledge, TicketStats tickets, Texts texts, Clock clock,
          UpdatesSetAside setAside, HousingStats housing, KnowledgeLookup lookup) {
        this.lookup = lookup;
        this.activity = activity;
        this.roles = roles;
        this.knowledge = knowledge;
        this.tickets = tickets;
        this.texts = texts;
        this.clock = clock;
        this.setAside = setAside;
        this.housing = housing;
    }

    public Reply report(Language lang) {
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime monthAgo = now.minusDays(30);
        StringBuilder html = new StringBuilder(texts.get(lang, "stats.title"));
        html.append("\n\n").append(texts.get(lang, "stats.users"));
        Set<Long> staff = roles.staff();
        html.append('\n').append(users(activity.since(now.minusDays(7), staff), "stats.users.week", lang));
        html.append('\n').append(users(activity.since(monthAgo, staff), "stats.users.month", lang));

        KnowledgeStats.Summary answers = knowledge.since(monthAgo, lang);
        TicketStats.Summary ticketSummary = tickets.since(monthAgo);
        long handled = answers.answered() + ticketSummary.created();
        String deflection = handled == 0 ? "—" : Math.round(100.0 * answers.answered() / handled) + "%";
        html.append("\n\n").append(texts.get(lang, "stats.answers", answers.answered(), answers.unanswered(),
                ticketSummary.created(), deflection));
        if (!answers.votes().isEmpty()) {
            html.append("\n\n").append(texts.get(lang, "stats.votes"));
            answers.votes().forEach(v -> html.append("\n• ").append(Html.escape(v.title()))
                    .append(" — 👍 ").append(v.helpful()).append(" / 👎 ").append(v.notHelpful()));
        }
        List<TicketStats.SentArticle> sent = tickets.sentArticles(monthAgo);
        if (!sent.isEmpty()) {
            html.append("\n\n").append(texts.get(lang, "stats.kb-sent",
                    sent.stream().mapToLong(TicketStats.SentArticle::sent).sum(),
                    sent.stream().mapToLong(TicketStats.SentArticle::answered).sum(),
                    sent.stream().mapToLong(TicketStats.SentArticle::offered).sum(),
                    sent.stream().mapToLong(TicketStats.SentArticle::missed).sum()));
            sent.forEach(a -> html.append('\n').append(texts.get(lang, "stats.kb-article",
                    lookup.title(a.articleId(), lang).orElse(a.articleId()), a.sent(), a.answered(), a.offered(),
                    a.missed())));
        }
        html.append("\n\n").append(texts.get(lang, "stats.tickets", ticketSummary.queued(),
                ticketSummary.assigned(), ticketSummary.closed()));
        html.append('\n').append(texts.get(lang, "stats.first-reply",
                ticketSummary.firstReply().map(d -> duration(d, lang)).orElse("—")));
        html.append('\n').append(texts.get(lang, "stats.rating", ticketSummary.averageRating()
                .map(r -> String.format(Locale.ROOT, "%.1f", r)).orElse("—"), ticketSummary.ratings()));
        HousingStats.Summary places = housing.since(monthAgo);
        html.append("\n\n").append(texts.get(lang, "stats.housing", places.live(), places.requests(),
                places.accepted(), places.reports()));
        long failed = setAside.countSince(monthAgo);
        if (failed > 0) {
            html.append("\n\n").append(texts.get(lang, "stats.set-aside", failed));
            setAside.latest(3).forEach(e -> html.append("\n• #").append(e.updateId()).append(" · ")
                    .append(Html.escape(e.kind())).append(" · ").append(Html.escape(e.error())));
        }
        return Reply.text(html.toString());
    }

    /**
     * For {@code /gaps}: the tickets closed in the last {@code days} without any article from the knowledge base
     * (the latest ten, with country, topic, language and question), or nothing when there were none.
     */
    public Optional<String> unaidedTickets(int days, Language lang) {
        TicketStats.UnaidedTickets unaided = tickets.closedWithoutArticle(LocalDateTime.now(clock).minusDays(days),
                UNAIDED_SHOWN);
        if (unaided.count() == 0) {
            return Optional.empty();
        }
        StringBuilder html = new StringBuilder(texts.get(lang, "gaps.tickets", unaided.count(), days));
        for (TicketStats.Unaided t : unaided.latest()) {
            String question = t.description().replaceAll("\\s+", " ");
            html.append('\n').append(texts.get(lang, "gaps.ticket", t.number(), t.country() == null ? "?"
                    : t.country().name(), Html.trusted(texts.get(lang, "topic." + (t.topic() == null ? "none"
                    : t.topic()))),
                    t.language().code(), question.length() <= 150 ? question : question.substring(0, 149) + "…"));
        }
        return Optional.of(html.toString());
    }

    private String users(List<Activity.Group> groups, String key, Language lang) {
        long total = groups.stream().mapToLong(Activity.Group::people).sum();
        Map<String, Long> byCountry = new TreeMap<>();
        Map<String, Long> byLanguage = new TreeMap<>();
        for (Activity.Group group : groups) {
            String country = group.country().map(c -> texts.countryName(lang, c))
                    .orElse(texts.get(lang, "help.no-country"));
            byCountry.merge(country, group.people(), Long::sum);
            byLanguage.merge(group.language().code(), group.people(), Long::sum);
        }
        return texts.get(lang, key, total, joined(byCountry), joined(byLanguage));
    }

    private static String joined(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "—";
        }
        StringBuilder text = new StringBuilder();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(e ->
                text.append(text.isEmpty() ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue()));
        return text.toString();
    }

    private String duration(Duration d, Language lang) {
        long minutes = d.toMinutes();
        return minutes < 60 ? texts.get(lang, "stats.minutes", minutes)
                : texts.get(lang, "stats.hours", String.format(Locale.ROOT, "%.1f", minutes / 60.0));
    }
}
