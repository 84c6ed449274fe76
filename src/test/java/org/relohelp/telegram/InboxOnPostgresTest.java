package org.relohelp.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relohelp.PostgresEndToEndTest;
import org.relohelp.emulator.EmulatedUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The inbox on PostgreSQL. A repeated update must be skipped without an error: on
 * PostgreSQL a failed insert would abort the batch's transaction and lose the fresh updates stored with it.
 */
class InboxOnPostgresTest extends PostgresEndToEndTest {

    @Autowired
    Inbox inbox;
    @Autowired
    UpdateIntake intake;
    @Autowired
    JdbcClient jdbc;

    @Test
    void repeatsInABatchAndAcrossBatchesAreSkippedAndTheRestKept() throws Exception {
        EmulatedUser user = CHATS.newUser("ru");
        Update a = update(910_000_001, user, "a");
        Update b = update(910_000_002, user, "b");
        Update c = update(910_000_003, user, "c");
        assertThat(inbox.store(List.of(a, b, a))).extracting(Update::getUpdateId).containsExactly(910_000_001, 910_000_002);
        assertThat(inbox.store(List.of(b, c))).extracting(Update::getUpdateId).containsExactly(910_000_003);
        assertThat(inbox.unhandled()).extracting(Update::getUpdateId).contains(910_000_001, 910_000_002, 910_000_003);

        for (Update u : List.of(a, b, c)) {
            inbox.handled(u.getUpdateId());
        }
        assertThat(inbox.unhandled()).extracting(Update::getUpdateId).doesNotContain(910_000_001, 910_000_002, 910_000_003);
        assertThat(jdbc.sql("select count(*) from inbox where update_id between 910000001 and 910000003 "
                + "and payload is null and handled_at is not null").query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void anUpdateReceivedTwiceIsAnsweredOnce() throws Exception {
        EmulatedUser user = CHATS.newUser("ru");
        TELEGRAM.openChat(user.id());
        intake.consume(List.of(update(920_000_001, user, "спасибо")));
        intake.consume(List.of(update(920_000_001, user, "спасибо"), update(920_000_002, user, "/help")));
        TELEGRAM.awaitBotMessages(user.id(), 2, WAIT);
        org.relohelp.BotIdle.await(TELEGRAM, jdbc, WAIT);
        assertThat(TELEGRAM.botMessages(user.id())).hasSize(2);
    }

    private static Update update(int id, EmulatedUser user, String text) throws Exception {
        String json = """
                {"update_id": %d, "message": {"message_id": %d, "date": 1700000000, "text": "%s",
                 "from": {"id": %d, "is_bot": false, "first_name": "%s", "language_code": "ru"},
                 "chat": {"id": %d, "type": "private", "first_name": "%s"}%s}}
                """.formatted(id, id, text, user.id(), user.firstName(), user.id(), user.firstName(),
                text.startsWith("/") ? ", \"entities\": [{\"type\": \"bot_command\", \"offset\": 0, \"length\": "
                        + text.length() + "}]" : "");
        return new ObjectMapper().readValue(json, Update.class);
    }
}
