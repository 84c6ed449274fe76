package org.relohelp.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The volunteers and message pairs are read by their columns' own names. Spring's mapping by a record's component
 * names asks the driver for {@code userId} first, and H2 writes every such miss to its trace file, with a stack
 * trace. Here the trace is on (H2's default level), so each miss would show as a trace file.
 */
public class ColumnNamesTest {

    @Test
    void volunteersAndMessagePairsAreReadWithoutAFailedLookUp(@TempDir Path dir) {
        // one connection: H2 closes a file database with its last connection, and a new one racing that close fails
        SingleConnectionDataSource database = new SingleConnectionDataSource(
                "jdbc:h2:file:" + dir.resolve("relohelp") + ";TRACE_LEVEL_FILE=1", "relohelp", "", true);
        Flyway.configure().dataSource(database).locations("classpath:db/migration", "classpath:db/vendor/h2").load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(database);
        Volunteers volunteers = new Volunteers(jdbc, Clock.systemUTC());
        MessagePairs pairs = new MessagePairs(jdbc, Clock.systemUTC());

        volunteers.add(7, "Вера");
        volunteers.setCurrentTicket(7, 12L);
        assertThat(volunteers.active(7)).contains(new Volunteer(7, "Вера", "ru", "", 12L));
        assertThat(volunteers.all()).extracting(Volunteer::displayName).containsExactly("Вера");
        long waiting = pairs.fromRefugee(12, 100, 5, "text");
        assertThat(pairs.waiting(12)).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(waiting);
            assertThat(p.ticket()).isEqualTo(12);
            assertThat(p.fromRefugee()).isTrue();
            assertThat(p.refugeeMessage()).isEqualTo(5);
            assertThat(p.volunteerChat()).isNull();
        });
        pairs.delivered(waiting, 7, 50);
        assertThat(pairs.byRefugeeMessage(100, 5)).hasValueSatisfying(p -> assertThat(p.volunteerMessage()).isEqualTo(50));
        assertThat(pairs.byVolunteerMessage(7, 50)).hasValueSatisfying(p -> assertThat(p.refugeeChat()).isEqualTo(100));

        Path trace = dir.resolve("relohelp.trace.db");
        assertThat(trace).as(() -> "H2 traced: " + beginning(trace)).doesNotExist();
        database.destroy();
    }

    /** The start of a (trace) file, for a failure message. */
    public static String beginning(Path file) {
        try {
            String text = Files.readString(file);
            return text.substring(0, Math.min(text.length(), 2_000));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
