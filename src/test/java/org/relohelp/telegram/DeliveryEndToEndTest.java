package org.relohelp.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.relohelp.EndToEndTest;
import org.relohelp.emulator.BotMessage;
import org.relohelp.emulator.EmulatedUser;

/** Answers arrive despite Telegram's 429s and 5xx; floods are stopped; foreign groups are left. */
class DeliveryEndToEndTest extends EndToEndTest {

    @Test
    void a429IsWaitedOutAndRetried() {
        EmulatedUser user = newUser("ru");
        TELEGRAM.failNext("sendMessage", 429, 1, 2);
        long started = System.nanoTime();
        assertThat(ask(user, "привет").text()).startsWith("Здравствуйте");
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(1_900);
    }

    @Test
    void aBurstUnderTelegramsOwnLimitsIsPacedAndEveryAnswerArrivesOnce() {
        List<EmulatedUser> people = java.util.stream.IntStream.range(0, 45).mapToObj(i -> newUser("ru")).toList();
        long refusedBefore = TELEGRAM.tooManyRequests();
        TELEGRAM.enforceLimits(true);
        try {
            people.forEach(p -> TELEGRAM.sendText(p, "спасибо"));
            for (EmulatedUser person : people) {
                assertThat(TELEGRAM.awaitBotMessages(person.id(), 1, WAIT)).hasSize(1);
            }
            // unlimited sending would provoke 15; at the very start of a burst network timing can still cost one
            assertThat(TELEGRAM.tooManyRequests() - refusedBefore).isLessThanOrEqualTo(1);
        } finally {
            TELEGRAM.enforceLimits(false);
        }
    }

    /**
     * Telegram's limits read the strict way: no more than 30 messages in any one second, whenever the second starts.
     * The outbox keeps a window slightly longer than a second, so network timing cannot push two bursts into one.
     */
    @Test
    void aBurstUnderStrictOneSecondWindowsDrawsNo429() {
        List<EmulatedUser> people = java.util.stream.IntStream.range(0, 75).mapToObj(i -> newUser("ru")).toList();
        long refusedBefore = TELEGRAM.tooManyRequests();
        TELEGRAM.enforceLimits(org.relohelp.emulator.BotApiEmulator.Limits.WINDOW);
        try {
            people.forEach(p -> TELEGRAM.sendText(p, "спасибо"));
            for (EmulatedUser person : people) {
                assertThat(TELEGRAM.awaitBotMessages(person.id(), 1, WAIT)).hasSize(1);
            }
            assertThat(TELEGRAM.tooManyRequests() - refusedBefore).as("429s in 75 sends").isZero();
        } finally {
            TELEGRAM.enforceLimits(false);
        }
    }

    @Test
    void serverErrorsAreRetriedWithBackOff() {
        EmulatedUser user = newUser("ru");
        TELEGRAM.failNext("sendMessage", 502, 0, 3);
        assertThat(ask(user, "спасибо").text()).startsWith("Пожалуйста");
    }

    @Test
    void aFloodGetsOneSlowDownAndTheExcessIsDropped() throws InterruptedException {
        EmulatedUser flooder = newUser("ru");
        for (int i = 0; i < 36; i++) {
            TELEGRAM.sendText(flooder, "привет " + i);
        }
        TELEGRAM.awaitBotMessage(flooder.id(), m -> m.text().contains("очень часто"), WAIT);
        awaitIdle();
        List<BotMessage> replies = TELEGRAM.botMessages(flooder.id());
        assertThat(replies).filteredOn(m -> m.text().contains("очень часто")).hasSize(1);
        assertThat(replies).hasSize(31);
    }

    @Test
    void buttonPressesCountTowardsTheSameLimit() throws InterruptedException {
        EmulatedUser flooder = newUser("ru");
        BotMessage greeting = ask(flooder, "/start");
        long answeredBefore = TELEGRAM.calls("answerCallbackQuery");
        List<String> presses = new java.util.ArrayList<>();
        for (int i = 0; i < 36; i++) {
            presses.add(TELEGRAM.press(flooder, greeting, "gone:" + i));
        }
        // /start and 29 presses make the 30 a minute allowed here; the 30th press is asked to slow down
        assertThat(TELEGRAM.awaitCallbackAnswer(presses.get(28), WAIT).orElseThrow()).contains("больше не работает");
        assertThat(TELEGRAM.awaitCallbackAnswer(presses.get(29), WAIT).orElseThrow()).contains("очень часто");
        // the other six do nothing; they are answered without a word, so the person's spinner stops
        for (String dropped : presses.subList(30, 36)) {
            assertThat(TELEGRAM.awaitCallbackAnswer(dropped, WAIT)).isEmpty();
        }
        assertThat(TELEGRAM.calls("answerCallbackQuery") - answeredBefore).isEqualTo(36);
        assertThat(TELEGRAM.botMessages(flooder.id())).hasSize(1); // the greeting: the warning is a toast
    }

    @Test
    void staffPressingButtonsAreNeverSlowedDown() {
        BotMessage help = ask(ADMIN, "/admin");
        List<String> presses = new java.util.ArrayList<>();
        for (int i = 0; i < 36; i++) {
            presses.add(TELEGRAM.press(ADMIN, help, "gone:" + i));
        }
        assertThat(presses).allSatisfy(id -> assertThat(TELEGRAM.awaitCallbackAnswer(id, WAIT).orElseThrow())
                .contains("больше не работает"));
    }

    @Test
    void staffAreNeverSlowedDown() {
        int before = TELEGRAM.botMessages(ADMIN.id()).size();
        for (int i = 0; i < 36; i++) {
            TELEGRAM.sendText(ADMIN, "/admin");
        }
        List<BotMessage> replies = TELEGRAM.awaitBotMessages(ADMIN.id(), before + 36, WAIT);
        assertThat(replies.subList(before, replies.size())).allMatch(m -> m.text().startsWith("Команды админа"));
    }

    @Test
    void theBotLeavesGroupsOtherThanTheVolunteers() throws InterruptedException {
        EmulatedUser user = newUser("ru");
        long stranger = -1_009_000_000_001L;
        TELEGRAM.sendText(user, stranger, "/start");
        assertThat(ask(user, "привет").text()).startsWith("Здравствуйте");
        // the group's update runs on its own lane, so the private answer may come first
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!TELEGRAM.leftChats().contains(stranger) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(TELEGRAM.leftChats()).contains(stranger).doesNotContain(VOLUNTEER_GROUP);
        assertThat(TELEGRAM.botMessages(stranger)).isEmpty();
    }
}
