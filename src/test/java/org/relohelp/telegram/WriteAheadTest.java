package org.relohelp.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relohelp.chat.Reply;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * H2 writes commits to its file in the background; what must survive a killed process is forced out first. The
 * checks read a copy of the file, as the process started after a SIGKILL would. The delay is long here, so
 * without the write-ahead the copy would surely miss the row (the first assertion shows it does).
 */
class WriteAheadTest {

    @TempDir
    Path dir;
    private SingleConnectionDataSource dataSource;
    private JdbcClient jdbc;
    private WriteAhead writeAhead;

    @BeforeEach
    void openDatabase() throws SQLException {
        // one connection held open for the whole test: closing the last one would write everything
        dataSource = new SingleConnectionDataSource("jdbc:h2:file:" + dir.resolve("live/relohelp")
                + ";WRITE_DELAY=60000", "sa", "", true);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/vendor/h2")
                .load().migrate();
        jdbc = JdbcClient.create(dataSource);
        writeAhead = new WriteAhead(jdbc, dataSource);
        writeAhead.flush();
    }

    @AfterEach
    void closeDatabase() {
        dataSource.destroy();
    }

    @Test
    void whatWasCommittedIsInTheFileAfterAFlush() throws Exception {
        jdbc.sql("insert into inbox (update_id, payload, received_at) values (7, '{}', current_timestamp)").update();
        assertThat(inACopyOfTheFile("select update_id from inbox")).isEmpty();

        writeAhead.flush();

        assertThat(inACopyOfTheFile("select update_id from inbox")).containsExactly(7L);
    }

    @Test
    void anOutboxRowIsInTheFileAsSendingWhenItsRequestLeaves() throws Exception {
        TelegramClient client = mock(TelegramClient.class);
        List<List<String>> outboxAtTheRequest = new ArrayList<>();
        CountDownLatch called = new CountDownLatch(1);
        when(client.execute(any(SendMessage.class))).thenAnswer(call -> {
            outboxAtTheRequest.add(inACopyOfTheFile("select state from outbox", String.class));
            called.countDown();
            Message sent = new Message();
            sent.setMessageId(1);
            return sent;
        });
        OutboxDispatcher dispatcher = TestOutbox.dispatcher(dataSource, client);
        OutboundSender sender = TestOutbox.sender(dataSource, client, dispatcher);
        dispatcher.start();
        try {
            sender.send(1001, Reply.text("Ответ"));

            assertThat(called.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            dispatcher.stop();
        }

        assertThat(outboxAtTheRequest).containsExactly(List.of("sending"));
        assertThat(jdbc.sql("select count(*) from outbox").query(Integer.class).single())
                .as("delivered: the row and its words are gone").isZero();
    }

    private List<Long> inACopyOfTheFile(String query) throws Exception {
        return inACopyOfTheFile(query, Long.class);
    }

    private <T> List<T> inACopyOfTheFile(String query, Class<T> type) throws Exception {
        Path copy = Files.createDirectories(dir.resolve("copy-" + System.nanoTime()));
        Files.copy(dir.resolve("live/relohelp.mv.db"), copy.resolve("relohelp.mv.db"));
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + copy.resolve("relohelp"), "sa", "")) {
            return JdbcClient.create(new SingleConnectionDataSource(connection, true)).sql(query).query(type).list();
        }
    }
}
