package org.relohelp.telegram;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one chat at a time, in the order given, and different chats in parallel on a few threads. A task can
 * ask to be run again later (the database is away, or it failed and gets another try): its chat then waits, without
 * holding a thread, and no other chat waits with it. Hand-written: executors keyed by a value with "retry later"
 * are not in the JDK, and Guava's sequential executor cannot pause one key.
 */
final class ChatLanes {

    /** One unit of work; returns null when done, or how long to wait before running it again. */
    interface Task {
        Duration run();
    }

    private static final Logger log = LoggerFactory.getLogger(ChatLanes.class);
    /** Tasks of one chat run before its thread goes to another chat: keeps a busy chat from starving the rest. */
    private static final int TURN = 16;

    private final ExecutorService threads;
    private final ScheduledExecutorService timer;
    private final Map<Long, Lane> lanes = new ConcurrentHashMap<>();

    private static final class Lane {
        final ArrayDeque<Task> tasks = new ArrayDeque<>();
        boolean scheduled;
    }

    ChatLanes(int threadCount, String name) {
        this.threads = Executors.newFixedThreadPool(threadCount, BotConnection.daemon(name));
        this.timer = Executors.newSingleThreadScheduledExecutor(BotConnection.daemon(name + "-later"));
    }

    /** Queues a task for a chat; false when the lanes are stopping (the task is not taken). */
    boolean submit(long chat, Task task) {
        if (threads.isShutdown()) {
            return false;
        }
        boolean[] start = new boolean[1];
        Lane lane = lanes.compute(chat, (key, existing) -> {
            Lane l = existing == null ? new Lane() : existing;
            synchronized (l) {
                l.tasks.add(task);
                if (!l.scheduled) {
                    l.scheduled = true;
                    start[0] = true;
                }
            }
            return l;
        });
        if (start[0]) {
            return start(chat, lane);
        }
        return true;
    }

    private boolean start(long chat, Lane lane) {
        try {
            threads.execute(() -> drain(chat, lane));
            return true;
        } catch (RejectedExecutionException stopping) {
            return false;
        }
    }

    private void drain(long chat, Lane lane) {
        for (int turn = 0; turn < TURN; turn++) {
            Task task;
            synchronized (lane) {
                task = lane.tasks.peek();
            }
            if (task == null) {
                return; // cannot happen: a scheduled lane has a task
            }
            Duration again;
            try {
                again = task.run();
            } catch (RuntimeException | Error e) {
                log.error("A task of chat {} failed and is dropped: {}", chat, e.getClass().getSimpleName(), e);
                again = null;
            }
            if (again != null) {
                try {
                    timer.schedule(() -> start(chat, lane), Math.max(1, again.toMillis()), TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException stopping) {
                    // stopping: the task stays unhandled in the inbox for the next start
                }
                return;
            }
            boolean more = finish(chat, lane);
            if (!more) {
                return;
            }
        }
        start(chat, lane);
    }

    /** Removes the task just run; true when the lane has more, else the lane is let go. */
    private boolean finish(long chat, Lane lane) {
        boolean[] more = new boolean[1];
        lanes.compute(chat, (key, existing) -> {
            synchronized (lane) {
                lane.tasks.poll();
                more[0] = !lane.tasks.isEmpty();
                if (!more[0]) {
                    lane.scheduled = false;
                    return null;
                }
                return lane;
            }
        });
        return more[0];
    }

    /** Lets the work in hand finish (up to the deadline), then stops; waiting tasks are dropped (kept in the inbox). */
    void stop(Duration grace) {
        timer.shutdownNow();
        threads.shutdown();
        try {
            if (!threads.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            threads.shutdownNow();
        }
    }
}
