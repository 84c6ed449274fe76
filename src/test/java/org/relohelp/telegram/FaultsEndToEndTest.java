package org.relohelp.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.relohelp.RelohelpApplication;
import org.relohelp.TcpProxy;
import org.relohelp.emulator.BotApiEmulator;
import org.relohelp.emulator.BotMessage;
import org.relohelp.emulator.EmulatedUser;
import org.relohelp.knowledge.Answers;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Faults injected on purpose, against a bot whose H2 database is reached over TCP through a proxy that can take it
 * away: the database gone for 15 s in the middle of a burst, an update telegrambots can read but not write back, a
 * feature that throws for one update, the library's poller stopped, a group at its limit, and a volunteer taking a
 * ticket while its announcement is still in flight. Each checks that nothing is lost, nothing is done twice, the
 * bot goes on by itself and its health tells the truth.
 */
class FaultsEndToEndTest {

    private static final String TOKEN = "848484:faults-test-token";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long GROUP = -1_002_000_000_084L;
    /** Makes the knowledge base throw, as a bug would, for any question containing it. */
    static final String BOMB = "💥";
    /** Makes the knowledge base wait for {@link #HELD} to open, as a slow feature would, for a question with it. */
    static final String SLOW = "⏳";
    static volatile java.util.concurrent.CountDownLatch HELD = new java.util.concurrent.CountDownLatch(0);
    private static final int IN_HAND = 20;
    private static final AtomicLong USERS = new AtomicLong(8_400_000_000L);

    private static Server h2;
    private static TcpProxy database;
    private static BotApiEmulator telegram;
    private static ConfigurableApplicationContext bot;
    private static JdbcClient jdbc;

    @BeforeAll
    static void start() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "faults-");
        System.setProperty("h2.bindAddress", "127.0.0.1"); // loopback only
        h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", data.toString()).start();
        database = new TcpProxy(h2.getPort());
        telegram = BotApiEmulator.start(TOKEN, 0);
        telegram.openChat(GROUP);
        bot = new SpringApplicationBuilder(RelohelpApplication.class, Faults.class).run(
                "--spring.datasource.url=jdbc:h2:tcp://127.0.0.1:" + database.port() + "/./relohelp",
                "--relohelp.telegram.token=" + TOKEN,
                "--relohelp.telegram.api-url=" + telegram.url(),
                "--relohelp.telegram.poll-timeout=2s",
                "--relohelp.telegram.limits.per-chat=50",
                "--relohelp.telegram.limits.per-group-per-minute=3",
                "--relohelp.telegram.flood-per-minute=60",
                "--relohelp.telegram.in-hand=" + IN_HAND,
                "--relohelp.data-dir=" + data,
                "--relohelp.management.port=-1",
                "--relohelp.handoff.volunteer-chat-id=" + GROUP,
                "--relohelp.handoff.admin-ids=" + Faults.ADMIN);
        jdbc = bot.getBean(JdbcClient.class);
    }

    @AfterAll
    static void stop() throws Exception {
        database.restore();
        bot.close();
        telegram.close();
        database.close();
        h2.stop();
    }

    /** Wraps the knowledge base so that a question with {@link #BOMB} throws, every time it is handled. */
    @Configuration(proxyBeanMethods = false)
    static class Faults {
        static final long ADMIN = 8_400_009_999L;

        @Bean
        static BeanPostProcessor throwingAnswers() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof Answers answers)) {
                        return bean;
                    }
                    Answers spy = Mockito.mock(Answers.class, Mockito.withSettings().spiedInstance(answers)
                            .defaultAnswer(Mockito.CALLS_REAL_METHODS));
                    Mockito.doAnswer(call -> {
                        org.relohelp.chat.Asked asked = call.getArgument(0);
                        if (asked.message().text().contains(BOMB)) {
                            throw new IllegalStateException("a bug that quotes the question: " + asked.message().text());
                        }
                        if (asked.message().text().contains(SLOW)) {
                            HELD.await();
                        }
                        return call.callRealMethod();
                    }).when(spy).answer(Mockito.any(org.relohelp.chat.Asked.class));
                    return spy;
                }
            };
        }
    }

    @Test
    void theDatabaseGoneFor15SecondsInTheMiddleOfABurstLosesNothingAndAnswersEachOnce() throws Exception {
        int setAsideBefore = jdbc.sql("select count(*) from dead_letter").query(Integer.class).single();
        OutageScenario.run(telegram, database, USERS, () -> bot.getBean(DatabaseTrouble.class).health().getStatus());
        assertThat(jdbc.sql("select count(*) from inbox where handled_at is null").query(Integer.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from dead_letter").query(Integer.class).single())
                .as("waiting for the database sets nothing aside").isEqualTo(setAsideBefore);
    }

    /**
     * A flood while handling is slow: the bot takes no more updates than {@code in-hand} (plus the batch that went
     * over it) into its database and memory; the rest wait at Telegram, and every one is answered once afterwards.
     */
    @Test
    void aFloodWhileHandlingIsSlowWaitsAtTelegramAndIsAnsweredOnce() throws InterruptedException {
        int storedBefore = jdbc.sql("select count(*) from inbox").query(Integer.class).single();
        HELD = new java.util.concurrent.CountDownLatch(1);
        List<EmulatedUser> slow = java.util.stream.IntStream.range(0, 2 * IN_HAND).mapToObj(i -> newUser()).toList();
        List<EmulatedUser> later = java.util.stream.IntStream.range(0, 30).mapToObj(i -> newUser()).toList();
        try {
            slow.forEach(user -> telegram.sendText(user, SLOW + " сколько можно находиться в грузии"));
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> jdbc.sql("select count(*) from inbox")
                    .query(Integer.class).single() >= storedBefore + slow.size());
            later.forEach(user -> telegram.sendText(user, "сколько можно находиться в грузии"));
            // several polls' time: none of the later ones is fetched while the slow ones are in hand
            Thread.sleep(1500);
            assertThat(jdbc.sql("select count(*) from inbox").query(Integer.class).single())
                    .isEqualTo(storedBefore + slow.size());
            assertThat(telegram.pendingUpdates()).isGreaterThanOrEqualTo(later.size());
        } finally {
            HELD.countDown();
        }
        for (EmulatedUser user : java.util.stream.Stream.concat(slow.stream(), later.stream()).toList()) {
            assertThat(telegram.awaitBotMessages(user.id(), 1, WAIT).get(0).text()).containsIgnoringCase("груз");
        }
        Thread.sleep(500); // a reply sent twice would arrive by now
        for (EmulatedUser user : java.util.stream.Stream.concat(slow.stream(), later.stream()).toList()) {
            assertThat(telegram.botMessages(user.id())).as("answered once").hasSize(1);
        }
    }

    @Test
    void anUpdateTelegrambotsCanReadButNotWriteBackStopsNothing() {
        EmulatedUser user = newUser();
        telegram.openChat(user.id());
        telegram.sendText(user, "привет", "[{\"type\":\"bold\",\"offset\":0,\"length\":50}]");
        assertThat(telegram.awaitBotMessages(user.id(), 1, WAIT).get(0).text()).isNotBlank();

        telegram.sendText(user, "сколько можно находиться в грузии");
        assertThat(telegram.awaitBotMessages(user.id(), 2, WAIT).get(1).text()).containsIgnoringCase("груз");
    }

    @Test
    void anUpdateWhoseHandlingAlwaysFailsIsSetAsideAndTheChatGoesOn() {
        EmulatedUser user = newUser();
        telegram.openChat(user.id());
        String question = BOMB + " где получить иин";
        int messageId = telegram.sendText(user, question);

        BotMessage sorry = telegram.awaitBotMessages(user.id(), 1, WAIT).get(0);
        assertThat(sorry.text()).contains("не смог обработать");
        telegram.sendText(user, "сколько можно находиться в грузии");
        assertThat(telegram.awaitBotMessages(user.id(), 2, WAIT).get(1).text()).containsIgnoringCase("груз");

        List<String> setAside = jdbc.sql("select kind || ' ' || error || ' ' || attempts from dead_letter "
                + "where update_id in (select update_id from inbox where handled_at is not null)").query(String.class)
                .list();
        assertThat(setAside).contains("message/text IllegalStateException 3");
        assertThat(jdbc.sql("select count(*) from dead_letter where error like '%иин%' or kind like '%иин%'")
                .query(Integer.class).single()).as("no words in the dead letters").isZero();
        assertThat(messageId).isPositive();
        // the admins see it in /stats
        EmulatedUser admin = new EmulatedUser(Faults.ADMIN, "Admin", "ru");
        telegram.openChat(admin.id());
        telegram.sendText(admin, "/stats");
        assertThat(telegram.awaitBotMessage(admin.id(), m -> m.text().contains("Статистика"), WAIT).text())
                .contains("Отложено");
    }

    @Test
    void aPollerThatStoppedIsRestartedByTheWatchdog() {
        BotConnection connection = bot.getBean(BotConnection.class);
        int before = connection.pollerRestarts();
        connection.session().getRunningPolling().cancel(true);

        await().atMost(WAIT).until(() -> connection.pollerRestarts() == before + 1);
        EmulatedUser user = newUser();
        telegram.openChat(user.id());
        telegram.sendText(user, "сколько можно находиться в грузии");
        assertThat(telegram.awaitBotMessages(user.id(), 1, WAIT).get(0).text()).containsIgnoringCase("груз");
    }

    @Test
    void aVolunteerTakesATicketWhoseAnnouncementIsStillInFlight() {
        EmulatedUser volunteer = volunteer();
        EmulatedUser refugee = newUser();
        telegram.openChat(refugee.id());
        telegram.sendText(refugee, "/human");
        telegram.awaitBotMessages(refugee.id(), 1, WAIT);
        int groupBefore = telegram.botMessages(GROUP).size();
        telegram.holdResponses(true); // Telegram takes the announcement; the bot does not hear back yet
        try {
            telegram.sendText(refugee, "Нужна помощь с арендой в Алматы");
            BotMessage announcement = telegram.awaitBotMessages(GROUP, groupBefore + 1, WAIT).get(groupBefore);
            String take = announcement.allButtons().get(0).callbackData();

            String toast = telegram.awaitCallbackAnswer(telegram.press(volunteer, announcement, take), WAIT)
                    .orElse("");

            assertThat(toast).as("the ticket was committed before its announcement left").contains("ваша");
        } finally {
            telegram.holdResponses(false);
        }
        assertThat(telegram.awaitBotMessage(volunteer.id(), m -> m.text().contains("Нужна помощь с арендой"),
                WAIT)).isNotNull();
        assertThat(telegram.awaitBotMessage(refugee.id(), m -> m.text().contains("взял"), WAIT)).isNotNull();
    }

    @Test
    void aGroupAtItsLimitDelaysNoOtherChat() {
        // the group takes 3 messages a minute here: a fourth announcement must wait, and nobody with it
        int groupBefore = telegram.botMessages(GROUP).size();
        for (int i = 0; i < 4; i++) {
            EmulatedUser refugee = newUser();
            telegram.openChat(refugee.id());
            telegram.sendText(refugee, "/human");
            telegram.awaitBotMessages(refugee.id(), 1, WAIT);
            telegram.sendText(refugee, "Вопрос номер " + i);
            telegram.awaitBotMessages(refugee.id(), 2, WAIT);
        }
        // sixteen people at once: whichever worker or lane the waiting group would hold, some of them share it
        List<EmulatedUser> others = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            EmulatedUser other = newUser();
            telegram.openChat(other.id());
            others.add(other);
        }
        long asked = System.nanoTime();
        others.forEach(other -> telegram.sendText(other, "сколько можно находиться в грузии"));
        others.forEach(other -> telegram.awaitBotMessages(other.id(), 1, WAIT));
        Duration took = Duration.ofNanos(System.nanoTime() - asked);

        assertThat(telegram.botMessages(GROUP).size() - groupBefore).as("announcements within the group's limit")
                .isLessThanOrEqualTo(3);
        // the group's fourth message waits most of a minute; answers to others must not wait with it
        assertThat(took).as("sixteen private answers while the group waits").isLessThan(Duration.ofSeconds(15));
    }

    private static EmulatedUser volunteer() {
        EmulatedUser admin = new EmulatedUser(Faults.ADMIN, "Admin", "ru");
        telegram.openChat(admin.id());
        EmulatedUser volunteer = newUser();
        telegram.openChat(volunteer.id());
        telegram.sendText(volunteer, "/start");
        telegram.awaitBotMessages(volunteer.id(), 1, WAIT);
        int before = telegram.botMessages(admin.id()).size();
        telegram.sendText(admin, "/addvolunteer " + volunteer.id());
        assertThat(telegram.awaitBotMessages(admin.id(), before + 1, WAIT).get(before).text()).contains("добав");
        return volunteer;
    }

    private static EmulatedUser newUser() {
        long id = USERS.incrementAndGet();
        return new EmulatedUser(id, "Faulty" + id, "ru");
    }
}
