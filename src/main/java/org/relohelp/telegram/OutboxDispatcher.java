package org.relohelp.telegram;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.relohelp.chat.Delivery;
import org.relohelp.chat.DeliveryReceipts;
import org.relohelp.chat.UserBlockedBot;
import org.relohelp.cluster.ClusterProperties;
import org.relohelp.cluster.Leadership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox. One thread decides what goes next, a few sender threads make the calls:
 * <ul>
 * <li>each chat's messages go in the order they were queued, one call at a time per chat;</li>
 * <li>a chat waiting — for its own limit, for Telegram's retry_after, for a back-off after a failure — keeps its
 * place and delays no other chat;</li>
 * <li>never more than the limits in any window ({@link Window}): overall, per private chat, per group, and for
 * mass mailings a share of the overall rate; answers to people go before mailings;</li>
 * <li>rows are marked 'sending' (and forced to the file, {@link WriteAhead}) just before their calls and deleted
 * with their outcome, which reaches the queuing feature as a receipt in the same transaction. No database
 * connection is held during a call.</li>
 * </ul>
 * A database that is away is waited out: nothing is lost, outcomes not yet recorded are kept and recorded later.
 * Only the leader delivers (with long polling, always this instance); a new leader first settles the rows another
 * instance (or this one, before a crash) left in the air — they are not sent again — then takes up the rest.
 * The scheduling is hand-written: rate-limit libraries (Bucket4j) model a limit, not per-chat order with a choice
 * of which chat goes next.
 */
@Component
class OutboxDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int PAGE = 2000;
    private static final long SCAN_EVERY = TimeUnit.SECONDS.toNanos(2);
    private static final long IDLE_WAIT = TimeUnit.MILLISECONDS.toNanos(500);

    private final Outbox outbox;
    private final OutboxCalls calls;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;
    private final WriteAhead writeAhead;
    private final Leadership leadership;
    private final ObjectProvider<DeliveryReceipts> receiptProviders;
    private volatile Map<String, DeliveryReceipts> receipts;
    private final ApplicationEventPublisher events;
    private final TelegramProperties properties;
    private final DatabaseTrouble trouble;
    private final Clock clock;
    private final Duration settleAfter;
    private final boolean shared;
    private final MeterRegistry meters;

    private final ConcurrentLinkedQueue<Outbox.Row> arrivals = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Done> completions = new ConcurrentLinkedQueue<>();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicInteger queuedRows = new AtomicInteger();
    private final Object signal = new Object();
    private boolean signalled;
    private volatile boolean running;
    private volatile Thread thread;
    private ExecutorService senders;

    // owned by the dispatcher thread
    private final Map<Long, Line> lines = new HashMap<>();
    private final Set<Long> known = new HashSet<>();
    private final PriorityQueue<Entry> answers = new PriorityQueue<>(Entry.ORDER);
    private final PriorityQueue<Entry> mailings = new PriorityQueue<>(Entry.ORDER);
    private final List<Done> unrecorded = new ArrayList<>();
    private final Window overall;
    private final Window bulk;
    private long maxKnown;
    private long nextScan;
    private long term = Long.MIN_VALUE;
    private long pauseUntil;

    OutboxDispatcher(Outbox outbox, OutboxCalls calls, PlatformTransactionManager transactions, WriteAhead writeAhead,
                     Leadership leadership, ObjectProvider<DeliveryReceipts> receipts, ApplicationEventPublisher events,
                     TelegramProperties properties, DatabaseTrouble trouble, Clock clock, ClusterProperties cluster,
                     WebhookProperties webhook, MeterRegistry meters) {
        this.outbox = outbox;
        this.calls = calls;
        this.transaction = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.writeAhead = writeAhead;
        this.leadership = leadership;
        // read at start: the features that take receipts queue messages through this outbox themselves
        this.receiptProviders = receipts;
        this.events = events;
        this.properties = properties;
        this.trouble = trouble;
        this.clock = clock;
        // well beyond the longest call (connect, write and read time-outs) and a lease, so only rows nobody sends
        this.settleAfter = Duration.ofMinutes(2).plus(cluster.lease().multipliedBy(2));
        this.shared = webhook.enabled();
        this.meters = meters;
        TelegramProperties.Limits limits = properties.limits();
        this.overall = new Window(limits.perSecond(), span(Duration.ofSeconds(1)));
        this.bulk = new Window(limits.bulkPerSecond(), span(Duration.ofSeconds(1)));
        Gauge.builder("relohelp.queue.depth", queuedRows, AtomicInteger::get).tag("queue", "sends")
                .description("Messages in the outbox not delivered yet").register(meters);
    }

    /** After a commit that queued rows: they may go now. */
    void arrived(List<Outbox.Row> rows) {
        arrivals.addAll(rows);
        wake();
    }

    /** Messages queued and not delivered yet, as far as this instance knows. */
    int waiting() {
        return queuedRows.get();
    }

    // --- the dispatcher thread -----------------------------------------------------------------------------

    private void run() {
        while (running) {
            try {
                record();
                if (!leadership.isLeader()) {
                    await(IDLE_WAIT);
                    continue;
                }
                if (leadership.term() != term) {
                    if (busy.get() > 0 || !unrecorded.isEmpty()) {
                        await(TimeUnit.MILLISECONDS.toNanos(50)); // the last term's calls finish first
                        continue;
                    }
                    takeUp(leadership.term());
                }
                absorb();
                long now = System.nanoTime();
                if (now - nextScan >= 0) {
                    scan();
                    nextScan = System.nanoTime() + SCAN_EVERY;
                }
                long wait = now < pauseUntil ? pauseUntil - now : dispatch();
                trouble.deliveryRecovered();
                await(Math.min(wait, Math.max(0, nextScan - System.nanoTime())));
            } catch (RuntimeException e) {
                if (!DatabaseTrouble.isTransient(e)) {
                    log.error("The outbox dispatcher failed ({}); going on", e.getClass().getSimpleName(), e);
                }
                trouble.deliveryFailed(e);
                pauseUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                await(TimeUnit.SECONDS.toNanos(1));
            }
        }
    }

    /**
     * A new term (or the start): what was in the air when its sender stopped is settled as delivered — the request
     * may have reached Telegram, and Telegram cannot be asked, so sending again would risk a duplicate — and the
     * whole queue is read afresh.
     */
    private void takeUp(long newTerm) {
        // with long polling nobody else sends: everything in the air is this process's own, from before a crash
        LocalDateTime cutoff = term == Long.MIN_VALUE && !shared
                ? LocalDateTime.now(clock).plusSeconds(1) : LocalDateTime.now(clock).minus(settleAfter);
        settle(cutoff);
        lines.clear();
        known.clear();
        answers.clear();
        mailings.clear();
        arrivals.clear();
        queuedRows.set(0);
        maxKnown = 0;
        term = newTerm;
        scan();
        nextScan = System.nanoTime() + SCAN_EVERY;
    }

    /**
     * Reads queued rows this instance does not know yet (written by an earlier process, or missed), settles rows
     * left in the air long ago by an instance that stopped, and lets go of chats with nothing left to send.
     */
    private void scan() {
        settle(LocalDateTime.now(clock).minus(settleAfter));
        long now = System.nanoTime();
        lines.values().removeIf(line -> line.rows.isEmpty() && !line.inFlight && line.window.idle(now));
        List<Outbox.Row> page;
        do {
            page = outbox.queued(maxKnown, PAGE);
            page.forEach(this::add);
        } while (page.size() == PAGE);
    }

    private void settle(LocalDateTime sendingBefore) {
        List<Outbox.Item> inTheAir = transaction.execute(status -> {
            List<Outbox.Item> settled = outbox.settleInTheAir(sendingBefore);
            settled.forEach(item -> receipt(item, Delivery.SENT, List.of()));
            return settled;
        });
        if (!inTheAir.isEmpty()) {
            log.warn("{} messages were being sent when the bot stopped; not sent again", inTheAir.size());
            Counter.builder("relohelp.outbox.in_doubt").description("Messages in the air at a crash, not repeated")
                    .register(meters).increment(inTheAir.size());
        }
    }

    private void absorb() {
        Outbox.Row row;
        while ((row = arrivals.poll()) != null) {
            add(row);
        }
    }

    private void add(Outbox.Row row) {
        if (!known.add(row.id())) {
            return;
        }
        maxKnown = Math.max(maxKnown, row.id());
        queuedRows.incrementAndGet();
        Line line = lines.computeIfAbsent(row.chatId(), this::line);
        line.rows.put(row.id(), row);
        if (row.notBefore() != null) {
            long wait = Duration.between(LocalDateTime.now(clock), row.notBefore()).toNanos();
            line.notBefore = Math.max(line.notBefore, System.nanoTime() + Math.max(0, wait));
        }
        reschedule(line);
    }

    private Line line(long chatId) {
        TelegramProperties.Limits limits = properties.limits();
        Window window = chatId < 0 ? new Window(limits.perGroupPerMinute(), span(Duration.ofMinutes(1)))
                : new Window(limits.perChat(), span(Duration.ofSeconds(1)));
        return new Line(chatId, window);
    }

    private void reschedule(Line line) {
        line.version++;
        if (line.inFlight || line.rows.isEmpty()) {
            if (line.rows.isEmpty() && !line.inFlight && line.window.idle(System.nanoTime())) {
                lines.remove(line.chatId);
            }
            return;
        }
        Outbox.Row head = line.rows.firstEntry().getValue();
        long now = System.nanoTime();
        long ready = Math.max(now, line.notBefore);
        if (countsPerChat(head)) {
            ready = Math.max(ready, line.window.next(now));
        }
        (head.bulk() ? mailings : answers).add(new Entry(ready, head.id(), line, line.version));
    }

    /** Sends what may go now; returns how long to wait before something else may. */
    private long dispatch() {
        long now = System.nanoTime();
        List<Line> picked = new ArrayList<>();
        while (busy.get() + picked.size() < properties.senders()) {
            if (!overall.allows(now)) {
                break;
            }
            Entry next = ready(answers, now);
            if (next == null && bulk.allows(now)) {
                next = ready(mailings, now);
            }
            if (next == null) {
                break;
            }
            Line line = next.line;
            Outbox.Row row = line.rows.firstEntry().getValue();
            line.inFlight = true;
            line.version++;
            // counted from now until its answer (and a second after): see Window
            overall.started();
            if (row.bulk()) {
                bulk.started();
            }
            if (countsPerChat(row)) {
                line.window.started();
            }
            picked.add(line);
        }
        if (!picked.isEmpty()) {
            send(picked);
        }
        return untilNext(System.nanoTime());
    }

    private Entry ready(PriorityQueue<Entry> heap, long now) {
        Entry top;
        while ((top = heap.peek()) != null) {
            if (top.version != top.line.version) {
                heap.poll(); // stale: the line changed since
                continue;
            }
            if (top.readyAt > now) {
                return null;
            }
            return heap.poll();
        }
        return null;
    }

    private void send(List<Line> picked) {
        List<Long> ids = picked.stream().map(line -> line.rows.firstKey()).toList();
        List<Outbox.Item> items;
        try {
            items = transaction.execute(status -> outbox.take(ids));
            writeAhead.flush();
        } catch (RuntimeException e) {
            // not taken: nothing left, so nothing counts against the limits
            long now = System.nanoTime();
            picked.forEach(line -> unpick(line, line.rows.firstEntry().getValue(), now));
            throw e;
        }
        Map<Long, Outbox.Item> byId = items.stream().collect(Collectors.toMap(Outbox.Item::id, Function.identity()));
        for (Line line : picked) {
            Outbox.Row row = line.rows.firstEntry().getValue();
            Outbox.Item item = byId.get(row.id());
            if (item == null) {
                // deleted meanwhile (the person was forgotten) or taken by another instance
                unpick(line, row, System.nanoTime());
                forgetRow(line, row.id());
                reschedule(line);
                continue;
            }
            busy.incrementAndGet();
            senders.execute(() -> {
                OutboxCalls.Outcome outcome;
                try {
                    outcome = calls.call(item);
                } catch (RuntimeException e) {
                    outcome = OutboxCalls.Outcome.retry(OutboxCalls.backOff(item.attempts()), item.payload());
                }
                completions.add(new Done(row, item, outcome, System.nanoTime()));
                busy.decrementAndGet();
                wake();
            });
        }
    }

    /** A row picked but not sent: it leaves the windows as if answered at once. */
    private void unpick(Line line, Outbox.Row row, long now) {
        line.inFlight = false;
        answered(line, row, now);
    }

    private void answered(Line line, Outbox.Row row, long at) {
        overall.answered(at);
        if (row.bulk()) {
            bulk.answered(at);
        }
        if (countsPerChat(row)) {
            line.window.answered(at);
        }
    }

    private long untilNext(long now) {
        long next = Long.MAX_VALUE;
        for (PriorityQueue<Entry> heap : List.of(answers, mailings)) {
            Entry top;
            while ((top = heap.peek()) != null && top.version != top.line.version) {
                heap.poll();
            }
            if (top != null) {
                long at = Math.max(top.readyAt, overall.next(now));
                if (heap == mailings) {
                    at = Math.max(at, bulk.next(now));
                }
                next = Math.min(next, at);
            }
        }
        return next == Long.MAX_VALUE ? IDLE_WAIT : Math.max(0, next - now);
    }

    /** Writes the outcomes of finished calls, all in one transaction; kept for the next try if that fails. */
    private void record() {
        Done done;
        while ((done = completions.poll()) != null) {
            unrecorded.add(done);
        }
        if (unrecorded.isEmpty()) {
            return;
        }
        List<Done> batch = List.copyOf(unrecorded);
        transaction.executeWithoutResult(status -> batch.forEach(this::write));
        unrecorded.clear();
        long now = System.nanoTime();
        for (Done d : batch) {
            Line line = lines.computeIfAbsent(d.item.chatId(), this::line);
            line.inFlight = false;
            answered(line, d.row, d.answeredAt);
            if (d.outcome.isRetry()) {
                line.notBefore = now + d.outcome.retryAfter().toNanos();
            } else {
                forgetRow(line, d.item.id());
                Counter.builder("relohelp.outbox.done").tag("outcome", d.outcome.result().name().toLowerCase())
                        .description("Outbox messages by how they ended").register(meters).increment();
            }
            reschedule(line);
        }
    }

    private void write(Done done) {
        Outbox.Item item = done.item;
        OutboxCalls.Outcome outcome = done.outcome;
        if (outcome.isRetry()) {
            outbox.retry(item.id(), LocalDateTime.now(clock).plus(outcome.retryAfter()), item.attempts() + 1,
                    outcome.retryPayload());
            return;
        }
        outbox.delete(item.id());
        receipt(item, outcome.result(), outcome.messageIds());
        if (outcome.result() == Delivery.BLOCKED && item.chatId() > 0) {
            events.publishEvent(new UserBlockedBot(item.chatId()));
        }
    }

    /** Tells the feature that queued the message; a feature that fails here fails alone (a savepoint). */
    private void receipt(Outbox.Item item, Delivery result, List<Integer> ids) {
        if (item.receipt() == null) {
            return;
        }
        DeliveryReceipts feature = receipts.get(item.receipt().kind());
        if (feature == null) {
            log.warn("Outbox {}: nobody takes receipts of kind {}", item.id(), item.receipt().kind());
            return;
        }
        try {
            savepoint.executeWithoutResult(status -> {
                if (result == Delivery.SENT) {
                    feature.delivered(item.receipt().key(), item.chatId(), ids);
                } else {
                    feature.failed(item.receipt().key(), item.chatId(), result);
                }
            });
        } catch (RuntimeException e) {
            if (DatabaseTrouble.isTransient(e)) {
                throw e;
            }
            log.error("Receipt {} of outbox {} failed: {}", item.receipt().kind(), item.id(),
                    e.getClass().getSimpleName(), e);
        }
    }

    private void forgetRow(Line line, long id) {
        if (line.rows.remove(id) != null) {
            known.remove(id);
            queuedRows.decrementAndGet();
        }
    }

    private static boolean countsPerChat(Outbox.Row row) {
        return row.op() != Outbox.Op.EDIT;
    }

    private long span(Duration window) {
        return window.plus(properties.limits().margin()).toNanos();
    }

    private void wake() {
        synchronized (signal) {
            signalled = true;
            signal.notifyAll();
        }
    }

    private void await(long nanos) {
        if (nanos <= 0) {
            return;
        }
        synchronized (signal) {
            long deadline = System.nanoTime() + nanos;
            while (!signalled && running) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(signal, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            signalled = false;
        }
    }

    // --- lifecycle -----------------------------------------------------------------------------------------

    @Override
    public void start() {
        receipts = receiptProviders.orderedStream()
                .collect(Collectors.toMap(DeliveryReceipts::kind, Function.identity()));
        running = true;
        senders = Executors.newFixedThreadPool(properties.senders(), BotConnection.daemon("outbox-send"));
        Thread dispatcher = BotConnection.daemon("outbox").newThread(this::run);
        thread = dispatcher;
        dispatcher.start();
    }

    /** Calls in flight get a few seconds to finish and be recorded; what is still queued goes at the next start. */
    @Override
    public void stop() {
        running = false;
        wake();
        Thread dispatcher = thread;
        try {
            if (dispatcher != null) {
                dispatcher.join(2_000);
            }
            senders.shutdown();
            senders.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            record();
        } catch (RuntimeException e) {
            log.warn("{} outcomes could not be recorded at the stop ({}); those messages count as in the air",
                    unrecorded.size(), e.getClass().getSimpleName());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the connection to Telegram and stops after it, so answers of the last updates still go. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }

    private static final class Line {
        final long chatId;
        final Window window;
        final TreeMap<Long, Outbox.Row> rows = new TreeMap<>();
        boolean inFlight;
        long notBefore = Long.MIN_VALUE;
        int version;

        Line(long chatId, Window window) {
            this.chatId = chatId;
            this.window = window;
        }
    }

    private record Entry(long readyAt, long headId, Line line, int version) {
        static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::readyAt)
                .thenComparingLong(Entry::headId);
    }

    private record Done(Outbox.Row row, Outbox.Item item, OutboxCalls.Outcome outcome, long answeredAt) {
    }
}
