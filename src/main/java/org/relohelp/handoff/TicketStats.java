package org.relohelp.handoff;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Numbers about tickets for admins: how many are where now, how fast volunteers answer, how people rate them, which
 * articles volunteers sent from inside tickets, and which tickets closed without any (candidates for new articles).
 */
@NamedInterface("tickets")
@Component
public class TicketStats {

    private final JdbcClient jdbc;

    TicketStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param queued          tickets now waiting for a volunteer
     * @param assigned        tickets now taken by a volunteer
     * @param closed          closed tickets still kept (they are deleted after the retention period)
     * @param created         tickets created since the start of the period
     * @param firstReply      median time from a ticket's creation to its first volunteer reply, of those created
     *                        in the period that have one
     * @param averageRating   average rating (1–5) of tickets closed in the period, if any was rated
     * @param ratings         how many of those were rated
     */
    @NamedInterface("tickets")
    public record Summary(long queued, long assigned, long closed, long created, Optional<Duration> firstReply,
                          Optional<Double> averageRating, long ratings) {
    }

    public Summary since(LocalDateTime start) {
        Map<Ticket.Status, Long> byStatus = jdbc.sql("select status, count(*) n from ticket group by status")
                .query((rs, row) -> Map.entry(Ticket.Status.valueOf(rs.getString("status")), rs.getLong("n")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        long created = jdbc.sql("select count(*) from ticket where created_at >= ?").param(start)
                .query(Long.class).single();
        List<Duration> waits = jdbc.sql("select created_at, first_reply_at from ticket "
                        + "where created_at >= ? and first_reply_at is not null")
                .param(start)
                .query((rs, row) -> Duration.between(rs.getObject("created_at", LocalDateTime.class),
                        rs.getObject("first_reply_at", LocalDateTime.class)))
                .list();
        var rated = jdbc.sql("select count(rating) n, avg(cast(rating as double precision)) average from ticket "
                        + "where closed_at >= ? and rating is not null")
                .param(start)
                .query((rs, row) -> Map.entry(rs.getLong("n"), rs.getDouble("average"))).single();
        return new Summary(byStatus.getOrDefault(Ticket.Status.QUEUED, 0L),
                byStatus.getOrDefault(Ticket.Status.ASSIGNED, 0L), byStatus.getOrDefault(Ticket.Status.CLOSED, 0L), created, median(waits),
                rated.getKey() == 0 ? Optional.empty() : Optional.of(rated.getValue()), rated.getKey());
    }

    /**
     * An article volunteers sent from inside tickets ({@code /kb}): how often, and what the bot's own answer to those
     * tickets' questions did with it — answered with it, offered it among candidates, or missed it.
     */
    @NamedInterface("tickets")
    public record SentArticle(String articleId, long sent, long answered, long offered, long missed) {
    }

    /** The articles sent since {@code start}, most missed by the bot first. */
    public List<SentArticle> sentArticles(LocalDateTime start) {
        Map<String, long[]> counts = new java.util.TreeMap<>();
        jdbc.sql("select article_id, bot_found, count(*) n from ticket_article where sent_at >= ? "
                        + "group by article_id, bot_found")
                .param(start)
                .query((rs, row) -> Map.entry(rs.getString("article_id") + " " + rs.getString("bot_found"),
                        rs.getLong("n")))
                .list().forEach(row -> {
                    String[] key = row.getKey().split(" ", 2);
                    int slot = key[1].equals("ANSWERED") ? 0 : key[1].equals("OFFERED") ? 1 : 2;
                    counts.computeIfAbsent(key[0], id -> new long[3])[slot] += row.getValue();
                });
        return counts.entrySet().stream().map(e -> new SentArticle(e.getKey(),
                        e.getValue()[0] + e.getValue()[1] + e.getValue()[2], e.getValue()[0], e.getValue()[1],
                        e.getValue()[2]))
                .sorted(java.util.Comparator.comparingLong(SentArticle::missed).reversed()
                        .thenComparing(java.util.Comparator.comparingLong(SentArticle::sent).reversed()))
                .toList();
    }

    /** A ticket closed without any article from the knowledge base: a candidate for a new one. Nobody named. */
    @NamedInterface("tickets")
    public record Unaided(long number, Country country, String topic, Language language, String description) {
    }

    /** How many tickets closed since {@code start} had no article sent, and the latest of them. */
    @NamedInterface("tickets")
    public record UnaidedTickets(long count, List<Unaided> latest) {
    }

    public UnaidedTickets closedWithoutArticle(LocalDateTime start, int limit) {
        String unaided = "from ticket t where t.status = 'CLOSED' and t.closed_at >= ? and not exists "
                + "(select 1 from ticket_article a where a.ticket_id = t.id and a.sent_at is not null)";
        long count = jdbc.sql("select count(*) " + unaided).param(start).query(Long.class).single();
        List<Unaided> latest = jdbc.sql("select t.id, t.country, t.topic, t.language, t.description " + unaided
                        + " order by t.closed_at desc, t.id desc fetch first " + limit + " rows only")
                .param(start)
                .query((rs, row) -> new Unaided(rs.getLong("id"), Country.fromCode(rs.getString("country"))
                        .orElse(null), rs.getString("topic"), Language.fromCode(rs.getString("language")),
                        rs.getString("description")))
                .list();
        return new UnaidedTickets(count, latest);
    }

    private static Optional<Duration> median(List<Duration> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return Optional.of(sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2));
    }
}
