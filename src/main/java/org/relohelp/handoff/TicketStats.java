package org.relohelp.handoff;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/** Numbers about tickets for admins: how many are where now, how fast volunteers answer, how people rate them. */
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
