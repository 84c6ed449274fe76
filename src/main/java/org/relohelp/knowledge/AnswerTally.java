package org.relohelp.knowledge;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts the questions answered by an article. Counting in memory and writing the sums about once a minute keeps
 * a database commit off every answer; a crash loses at most that minute of counts, which statistics can afford.
 */
@Component
class AnswerTally implements DisposableBean {

    private record Key(LocalDate day, String articleId, String country, String language) {
    }

    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final Clock clock;

    AnswerTally(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void answered(String articleId, String countryCode, String languageCode) {
        counts.computeIfAbsent(new Key(LocalDate.now(clock), articleId, countryCode, languageCode),
                key -> new LongAdder()).increment();
    }

    /** Adds what was counted since the last flush to the database. */
    @Scheduled(fixedDelayString = "${relohelp.knowledge.tally-flush:60s}")
    @Transactional
    public synchronized void flush() {
        LocalDate today = LocalDate.now(clock);
        List<Object[]> rows = new ArrayList<>();
        counts.forEach((key, count) -> {
            long answers = count.sumThenReset();
            if (answers > 0) {
                rows.add(new Object[] {key.day(), key.articleId(), key.country(), key.language(), answers});
            }
        });
        counts.keySet().removeIf(key -> key.day().isBefore(today));
        for (Object[] row : rows) {
            jdbc.sql("insert into knowledge_answer_count (answered_on, article_id, country, language, answers) "
                    + "values (?, ?, ?, ?, ?)").params(row).update();
        }
    }

    @Override
    public void destroy() {
        flush();
    }
}
