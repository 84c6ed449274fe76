package org.relohelp.telegram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.relohelp.emulator.BotApiEmulator;
import org.relohelp.emulator.ChatEvent;
import org.relohelp.emulator.EmulatedUser;

/**
 * The delivery benchmark: the packaged bot ({@code target/relohelp.jar}) in its own process against the Bot API
 * emulator on 127.0.0.1, with the evaluation questions as traffic. Not a test: run it with
 * {@code ./mvnw -q -DskipTests package exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.relohelp.telegram.DeliveryBenchmark} and copy the report into docs/performance.md.
 * <ol>
 *   <li>Telegram-strict: the emulator refuses what is over Telegram's limits with 429; 300 users ask at once, once
 *   with the limits as token buckets and once as strict windows (no more than 30 in any one second). Sends per second
 *   against the 30/s ceiling, 429s, lost and duplicated replies.</li>
 *   <li>No limits (the bot's own raised too): 500 users × 3 questions, all at once for updates per second, then
 *   500 other users × 3 questions paced at {@code -Drate} (default 100/s, well below saturation) for update→reply latency.
 *   Resident memory of the bot process before and after, and its peak.</li>
 * </ol>
 * The bot starts as the Dockerfile starts it: with its JVM options ({@code -Dbot.jvm} gives others) and with the class
 * data {@code bin/prepare-start} records ({@code -Dcds=false} starts the plain jar instead).
 */
public final class DeliveryBenchmark {

    private static final String TOKEN = "424242:benchmark-token";
    private static final Duration WAIT = Duration.ofSeconds(120);

    public static void main(String[] args) throws Exception {
        List<String> questions = questions();
        int rate = Integer.getInteger("rate", 100);
        // the date in the application's time (UTC), as the bot itself tells it, whatever the machine's zone
        System.out.printf("Delivery benchmark, %s, %s%n", LocalDate.now(Clock.systemUTC()), Machine.describe());
        try (BotApiEmulator telegram = BotApiEmulator.start(TOKEN, 0);
             PackagedBot bot = PackagedBot.start(telegram, List.of())) {
            Replies replies = Replies.follow(telegram);
            List<String> oneMessage = warmUp(telegram, replies, questions, 1);
            long userBase = 9_100_000_000L;
            for (BotApiEmulator.Limits limits : List.of(BotApiEmulator.Limits.BUCKET, BotApiEmulator.Limits.WINDOW)) {
                Thread.sleep(2_000); // the previous run's windows pass
                telegram.enforceLimits(limits);
                long refusedBefore = telegram.tooManyRequests();
                long sendsBefore = telegram.calls("sendMessage");
                Traffic strict = new Traffic(telegram, replies, oneMessage, userBase, 300, 1);
                userBase += 1_000_000L;
                strict.sendAllAtOnce();
                strict.awaitReplies(WAIT);
                long sends = telegram.calls("sendMessage") - sendsBefore;
                long refused = telegram.tooManyRequests() - refusedBefore;
                System.out.printf("(a) Telegram-strict (%s), 300 users at once: %.1f sends/s (ceiling 30), "
                                + "429s %d of %d calls (%.2f%%), lost %d, duplicated %d, start-up to first getUpdates "
                                + "%d ms%n", limits == BotApiEmulator.Limits.WINDOW
                                ? "no more than 30 in any one-second window" : "token buckets",
                        strict.sendsPerSecond(), refused, sends, 100.0 * refused / sends, strict.lost(),
                        strict.duplicated(), bot.startUpMillis());
            }
            telegram.enforceLimits(BotApiEmulator.Limits.NONE);
            replies.stop();
        }
        try (BotApiEmulator telegram = BotApiEmulator.start(TOKEN, 0);
             PackagedBot bot = PackagedBot.start(telegram, List.of("--relohelp.telegram.limits.per-second=1000000",
                     "--relohelp.telegram.limits.per-chat=1000", "--relohelp.telegram.flood-per-minute=1000"))) {
            Replies replies = Replies.follow(telegram);
            List<String> oneMessage = warmUp(telegram, replies, questions, Integer.getInteger("warmup", 3));
            long rssBefore = bot.residentMegabytes();
            // the first bursts still pay for the JIT compiler; a bot that runs for days does not
            Traffic burst = null;
            double cpuPerUpdate = 0;
            int bursts = Integer.getInteger("bursts", 3);
            for (int round = 0; round < bursts; round++) {
                burst = new Traffic(telegram, replies, oneMessage, 9_200_000_000L + round * 1_000_000L, 500, 3);
                long cpuBefore = bot.cpuMillis();
                long emulatorCpuBefore = ownCpuMillis();
                burst.sendAllAtOnce();
                burst.awaitReplies(WAIT);
                cpuPerUpdate = (bot.cpuMillis() - cpuBefore) / 1500.0;
                System.out.printf("    burst %d of %d: %.0f updates/s, CPU per update: the bot %.2f ms, the emulator "
                                + "and the load generator %.2f ms%n", round + 1, bursts, burst.updatesPerSecond(),
                        cpuPerUpdate, (ownCpuMillis() - emulatorCpuBefore) / 1500.0);
            }
            Traffic paced = new Traffic(telegram, replies, oneMessage, 9_300_000_000L, 500, 3);
            paced.sendAt(rate);
            paced.awaitReplies(WAIT);
            long[] latency = paced.latenciesMillis();
            System.out.printf("(b) no limits, 500 users x 3 questions: %.0f updates/s all at once "
                            + "(lost %d, duplicated %d; the bot's own CPU %.2f ms per update); paced at %d/s: "
                            + "latency p50 %d ms, p95 %d ms, p99 %d ms "
                            + "(lost %d, duplicated %d); bot RSS %d MB before, %d MB after (%s), %d MB at its peak; "
                            + "start-up %d ms%n",
                    burst.updatesPerSecond(), burst.lost(), burst.duplicated(), cpuPerUpdate, rate,
                    percentile(latency, 50),
                    percentile(latency, 95), percentile(latency, 99), paced.lost(), paced.duplicated(), rssBefore,
                    bot.residentMegabytes(), bot.residentParts(), bot.peakResidentMegabytes(), bot.startUpMillis());
            replies.stop();
        }
    }

    /** CPU time of this process: the emulator, the simulated users and Maven around them. */
    private static long ownCpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    }

    /**
     * Asks every question once per round as a new user, without limits, to warm the bot up and to learn which
     * questions get exactly one message back (the traffic uses those, so replies can be counted).
     */
    private static List<String> warmUp(BotApiEmulator telegram, Replies replies, List<String> questions, int rounds)
            throws InterruptedException {
        long user = 9_000_000_000L; // each scenario has its own emulator, so its own people
        List<Long> users = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (String question : questions) {
                telegram.sendText(new EmulatedUser(user, "Warm", "ru"), question);
                users.add(user++);
            }
        }
        replies.awaitQuiet(Duration.ofSeconds(2), WAIT);
        List<String> oneMessage = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            if (replies.count(users.get(i)) == 1) {
                oneMessage.add(questions.get(i));
            }
        }
        return oneMessage;
    }

    /** The evaluation questions that name their country (no profile needed), in Russian and English. */
    private static List<String> questions() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/knowledge"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tsv")).sorted()
                    .flatMap(DeliveryBenchmark::lines).filter(l -> !l.startsWith("#") && !l.isBlank())
                    .map(l -> l.split("\t")).filter(f -> f.length >= 3 && f[2].equals("-")).map(f -> f[0]).toList();
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static long percentile(long[] sorted, int p) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** Users asking questions, and what came back to them. */
    private static final class Traffic {
        private final BotApiEmulator telegram;
        private final Replies replies;
        private final List<String> questions;
        private final long firstUser;
        private final int users;
        private final int perUser;
        private final long[][] sentAt;
        private long started;

        Traffic(BotApiEmulator telegram, Replies replies, List<String> questions, long firstUser, int users, int perUser) {
            this.telegram = telegram;
            this.replies = replies;
            this.questions = questions;
            this.firstUser = firstUser;
            this.users = users;
            this.perUser = perUser;
            this.sentAt = new long[users][perUser];
        }

        void sendAllAtOnce() {
            started = System.nanoTime();
            for (int q = 0; q < perUser; q++) {
                for (int u = 0; u < users; u++) {
                    ask(u, q);
                }
            }
        }

        /** Open loop: one update every 1/rate seconds, whatever the bot does. */
        void sendAt(int rate) {
            started = System.nanoTime();
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            int n = 0;
            for (int q = 0; q < perUser; q++) {
                for (int u = 0; u < users; u++) {
                    long due = started + n++ * interval;
                    while (System.nanoTime() < due) {
                        LockSupport.parkNanos(due - System.nanoTime());
                    }
                    ask(u, q);
                }
            }
        }

        private void ask(int u, int q) {
            EmulatedUser user = new EmulatedUser(firstUser + u, "Bench", "ru");
            sentAt[u][q] = System.nanoTime();
            telegram.sendText(user, questions.get((u * perUser + q) % questions.size()));
        }

        void awaitReplies(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (replies.total(firstUser, users) < (long) users * perUser && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(2_000); // anything sent twice arrives meanwhile
        }

        long lost() {
            long lost = 0;
            for (int u = 0; u < users; u++) {
                lost += Math.max(0, perUser - replies.count(firstUser + u));
            }
            return lost;
        }

        long duplicated() {
            long duplicated = 0;
            for (int u = 0; u < users; u++) {
                duplicated += Math.max(0, replies.count(firstUser + u) - perUser);
            }
            return duplicated;
        }

        double updatesPerSecond() {
            return (double) users * perUser / ((replies.last(firstUser, users) - started) / 1e9);
        }

        /** Replies per second between the first and the last reply. */
        double sendsPerSecond() {
            long first = replies.first(firstUser, users);
            return (replies.total(firstUser, users) - 1) / ((replies.last(firstUser, users) - first) / 1e9);
        }

        long[] latenciesMillis() {
            List<Long> all = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                List<Long> arrived = replies.times(firstUser + u);
                for (int q = 0; q < Math.min(perUser, arrived.size()); q++) {
                    all.add(TimeUnit.NANOSECONDS.toMillis(arrived.get(q) - sentAt[u][q]));
                }
            }
            return all.stream().mapToLong(Long::longValue).sorted().toArray();
        }
    }

    /** When each of the bot's messages arrived, per chat, from the emulator's event feed. */
    private static final class Replies {
        private final Map<Long, List<Long>> arrivals = new ConcurrentHashMap<>();
        private volatile boolean running = true;
        private volatile long lastArrival = System.nanoTime();

        static Replies follow(BotApiEmulator telegram) {
            Replies replies = new Replies();
            Thread thread = new Thread(() -> replies.run(telegram), "benchmark-replies");
            thread.setDaemon(true);
            thread.start();
            return replies;
        }

        private void run(BotApiEmulator telegram) {
            long seq = 0;
            while (running) {
                try {
                    for (ChatEvent event : telegram.events(seq, Duration.ofMillis(200))) {
                        seq = Math.max(seq, event.seq());
                        if (event.fromBot() && event.type().equals("message")) {
                            long now = System.nanoTime();
                            arrivals.computeIfAbsent(event.chatId(), c -> new CopyOnWriteArrayList<>()).add(now);
                            lastArrival = now;
                        }
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() {
            running = false;
        }

        int count(long chat) {
            return times(chat).size();
        }

        List<Long> times(long chat) {
            return List.copyOf(arrivals.getOrDefault(chat, List.of()));
        }

        long total(long firstUser, int users) {
            long total = 0;
            for (int u = 0; u < users; u++) {
                total += count(firstUser + u);
            }
            return total;
        }

        long first(long firstUser, int users) {
            long first = Long.MAX_VALUE;
            for (int u = 0; u < users; u++) {
                first = Math.min(first, times(firstUser + u).stream().findFirst().orElse(Long.MAX_VALUE));
            }
            return first;
        }

        long last(long firstUser, int users) {
            long last = 0;
            for (int u = 0; u < users; u++) {
                List<Long> t = times(firstUser + u);
                last = Math.max(last, t.isEmpty() ? 0 : t.get(t.size() - 1));
            }
            return last;
        }

        void awaitQuiet(Duration quiet, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            Thread.sleep(quiet.toMillis());
            while (System.nanoTime() - lastArrival < quiet.toNanos() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }
    }

    /** The bot as operators run it: {@code java -jar target/relohelp.jar}, configured through the environment. */
    private static final class PackagedBot implements AutoCloseable {
        private final Process process;
        private final long startedAt;
        private final BotApiEmulator telegram;

        private PackagedBot(Process process, long startedAt, BotApiEmulator telegram) {
            this.process = process;
            this.startedAt = startedAt;
            this.telegram = telegram;
        }

        static PackagedBot start(BotApiEmulator telegram, List<String> args) throws IOException, InterruptedException {
            Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "benchmark-");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString()));
            String jvm = System.getProperty("bot.jvm", String.join(" ", BotProcess.imageJvmOptions())).strip();
            List<String> options = jvm.isEmpty() ? List.of() : List.of(jvm.split("\\s+"));
            command.addAll(options);
            if (Boolean.parseBoolean(System.getProperty("cds", "true"))) {
                // as the Dockerfile starts it: extracted, with the class data a training start recorded
                command.addAll(List.of("-XX:SharedArchiveFile=" + PREPARED.resolve("relohelp.jsa"), "-jar",
                        prepared(options).resolve("relohelp.jar").toString()));
            } else {
                command.addAll(List.of("-jar", "target/relohelp.jar"));
            }
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(data.resolve("bot.log").toFile());
            builder.environment().put("TELEGRAM_BOT_TOKEN", TOKEN);
            builder.environment().put("TELEGRAM_API_URL", telegram.url());
            builder.environment().put("RELOHELP_DATA_DIR", data.toString());
            builder.environment().put("RELOHELP_MANAGEMENT_PORT", "0");
            long startedAt = System.nanoTime();
            PackagedBot bot = new PackagedBot(builder.start(), startedAt, telegram);
            long deadline = startedAt + TimeUnit.SECONDS.toNanos(60);
            while (telegram.firstCall("getUpdates").isEmpty()) {
                if (!bot.process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the bot did not start; see " + data.resolve("bot.log"));
                }
                Thread.sleep(5);
            }
            return bot;
        }

        private static final Path PREPARED = Path.of("target", "prepared-start");
        private static boolean preparedOnce;

        /** {@code bin/prepare-start}, once per benchmark, with the bot's JVM options: not part of any start-up time. */
        private static synchronized Path prepared(List<String> options) throws IOException, InterruptedException {
            if (!preparedOnce) {
                if (BotProcess.prepareStart(PREPARED, options).inheritIO().start().waitFor() != 0) {
                    throw new IllegalStateException("bin/prepare-start failed");
                }
                preparedOnce = true;
            }
            return PREPARED;
        }

        long startUpMillis() {
            return TimeUnit.NANOSECONDS.toMillis(telegram.firstCall("getUpdates").orElseThrow() - startedAt);
        }

        /** CPU time the bot's process has used so far (all threads, user and system). */
        long cpuMillis() {
            return process.info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
        }

        long residentMegabytes() throws IOException {
            return status("VmRSS:");
        }

        /** The most the process has held resident since it started (the kernel's high-water mark). */
        long peakResidentMegabytes() throws IOException {
            return status("VmHWM:");
        }

        /** The resident memory's parts: anonymous (the heap, the JIT's code, metaspace), and mapped files. */
        String residentParts() throws IOException {
            return String.format(Locale.ROOT, "%d MB anonymous + %d MB files", status("RssAnon:"), status("RssFile:"));
        }

        private long status(String field) throws IOException {
            return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                    .filter(l -> l.startsWith(field)).map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong)
                    .findFirst().orElse(-1) / 1024;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor(15, TimeUnit.SECONDS);
        }
    }

    /** Cores, CPU model and Java version, for the report. */
    private static final class Machine {
        static String describe() {
            String cpu = "unknown CPU";
            try {
                cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                        .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(cpu);
            } catch (IOException e) {
                // not Linux: the core count still says the most
            }
            return String.format(Locale.ROOT, "%d cores (%s), Java %s", Runtime.getRuntime().availableProcessors(),
                    cpu, System.getProperty("java.version"));
        }
    }
}
