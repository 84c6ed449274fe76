package org.relohelp.telegram;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.BackOff;
import org.telegram.telegrambots.longpolling.util.ExponentialBackOff;
import org.telegram.telegrambots.longpolling.util.TelegramOkHttpClientFactory;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Long polling through telegrambots. The library gives up at start-up when the Bot API is unreachable and
 * lets its polling back-off grow to minutes; here both are retried with a back-off capped at
 * {@code max-back-off}, on a daemon thread so start-up never hangs on Telegram. With a webhook URL configured,
 * updates come by HTTP POST instead ({@link WebhookReceiver}) and the same loop retries setWebhook.
 *
 * <p>The library runs its poller as a scheduled task, which stops for good, silently, if anything escapes it. The
 * intake lets nothing escape, and a watchdog checks every second anyway: a poller that stopped while the bot runs
 * is restarted (a new session asks Telegram again from the last confirmed offset, so nothing is lost), and the log
 * says so.
 */
@Component
class BotConnection implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BotConnection.class);
    private static final String LIBRARY_POLLER = BotSession.class.getName();

    private final TelegramProperties properties;
    private final TelegramUrl url;
    private final UpdateIntake intake;
    private final CommandMenu menu;
    private final TelegramBotsLongPollingApplication polling;
    private final OkHttpClient pollingHttp;
    private final PollingHealthIndicator pollingHealth;
    private final WebhookProperties webhook;
    private final WebhookReceiver receiver;
    private final TelegramClient client;
    private final OutboundSender sender;
    private final ScheduledExecutorService watchdog =
            Executors.newSingleThreadScheduledExecutor(daemon("polling-watchdog"));
    private volatile ScheduledExecutorService pollerThread;
    private volatile BotSession session;
    private volatile Thread connector;
    private volatile boolean running;
    private volatile int restarts;

    BotConnection(TelegramProperties properties, TelegramUrl url, UpdateIntake intake, CommandMenu menu,
                  PollingHealthIndicator pollingHealth, WebhookProperties webhook, WebhookReceiver receiver,
                  TelegramClient client, OutboundSender sender) {
        this.properties = properties;
        this.pollingHealth = pollingHealth;
        this.webhook = webhook;
        this.receiver = receiver;
        this.client = client;
        this.sender = sender;
        this.url = url;
        this.intake = intake;
        this.menu = menu;
        this.pollingHttp = new TelegramOkHttpClientFactory.DefaultOkHttpClientCreator().get()
                .newBuilder().readTimeout(properties.pollTimeout().plusSeconds(15)).addInterceptor(pollingHealth)
                .build();
        Supplier<OkHttpClient> http = () -> pollingHttp;
        this.polling = new TelegramBotsLongPollingApplication(com.fasterxml.jackson.databind.ObjectMapper::new, http,
                this::newPollerThread, this::backOff);
    }

    private ScheduledExecutorService newPollerThread() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(daemon("telegram-polling"));
        pollerThread = executor;
        return executor;
    }

    @Override
    public void start() {
        if (!url.getHost().equals("127.0.0.1")) {
            log.info("TELEGRAM MODE: the bot serves real Telegram users through {}://{}", url.getSchema(), url.getHost());
        }
        running = true;
        intake.replay();
        if (webhook.enabled()) {
            receiver.start();
            intake.startFeed();
            connector = daemon("telegram-connect").newThread(() -> untilConnected(this::setWebhook));
        } else {
            connector = daemon("telegram-connect").newThread(() -> untilConnected(this::startPolling));
            watchdog.scheduleWithFixedDelay(this::watch, 1, 1, TimeUnit.SECONDS);
        }
        connector.start();
    }

    private interface Attempt {
        void run() throws TelegramApiException;
    }

    private void startPolling() throws TelegramApiException {
        try {
            session = polling.registerBot(properties.token(), () -> url, this::getUpdates, intake);
        } catch (TelegramApiException e) {
            unregisterQuietly();
            throw e;
        }
        log.info("Polling the Bot API at {}://{}:{}", url.getSchema(), url.getHost(), url.getPort());
    }

    /** The poller's task ended while the bot runs: start a new session. */
    private void watch() {
        BotSession current = session;
        if (!running || current == null) {
            return; // not connected yet: the connector is still trying
        }
        ScheduledFuture<?> poller = current.getRunningPolling();
        if (poller != null && !poller.isDone()) {
            return;
        }
        restarts++;
        log.warn("The long-polling session stopped unexpectedly; starting a new one (restart {})", restarts);
        session = null;
        unregisterQuietly();
        ScheduledExecutorService old = pollerThread;
        if (old != null) {
            old.shutdownNow();
        }
        connector = daemon("telegram-connect").newThread(() -> untilConnected(this::startPolling));
        connector.start();
    }

    /** How often the watchdog restarted the poller since start (for tests and health). */
    int pollerRestarts() {
        return restarts;
    }

    /** For tests that kill the library's poller on purpose. */
    BotSession session() {
        return session;
    }

    /** One connection at a time keeps Telegram's order; the URL's path is not logged (some put secrets there). */
    private void setWebhook() throws TelegramApiException {
        client.execute(SetWebhook.builder().url(webhook.url().strip()).secretToken(webhook.secret())
                .maxConnections(1).allowedUpdates(List.of()).build());
        pollingHealth.webhookSet();
        java.net.URI target = java.net.URI.create(webhook.url().strip());
        log.info("Webhook set: Telegram sends updates to {}://{}", target.getScheme(), target.getHost());
    }

    private void untilConnected(Attempt attempt) {
        BackOff backOff = backOff();
        while (running) {
            try {
                attempt.run();
                sender.learnUsername();
                registerMenu();
                return;
            } catch (TelegramApiException e) {
                long pause = backOff.nextBackOffMillis();
                log.warn("Bot API at {}://{}:{} unreachable ({}); retrying in {} ms", url.getSchema(), url.getHost(),
                        url.getPort(), e.getClass().getSimpleName(), pause);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void registerMenu() {
        try {
            menu.register();
        } catch (RuntimeException e) {
            log.warn("The command menu could not be registered: {}", e.getClass().getSimpleName());
        }
    }

    private GetUpdates getUpdates(Integer lastReceived) {
        return GetUpdates.builder().offset(lastReceived + 1).limit(100)
                .timeout((int) properties.pollTimeout().toSeconds()).allowedUpdates(List.of()).build();
    }

    private BackOff backOff() {
        int cap = (int) properties.maxBackOff().toMillis();
        return new ExponentialBackOff.Builder().setInitialIntervalMillis(Math.min(500, cap))
                .setMaxIntervalMillis(cap).setMaxElapsedTimeMillis(cap).build();
    }

    private void unregisterQuietly() {
        try {
            polling.unregisterBot(properties.token());
        } catch (TelegramApiException notRegistered) {
            // nothing to undo
        }
    }

    /**
     * Stops polling, lets the lanes finish what they hold, and logs one line. A getUpdates call may still be
     * waiting: it is cancelled so no update reaches a stopped intake (unconfirmed updates come again at the next
     * start). The library logs that cancellation as an error with a stack trace; at a stop it is expected, so its
     * poller's log is silenced until the call has ended.
     */
    @Override
    public void stop() {
        running = false;
        watchdog.shutdownNow();
        if (connector != null) {
            connector.interrupt();
        }
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        var configured = logging.getLoggerConfiguration(LIBRARY_POLLER);
        LogLevel before = configured == null ? null : configured.getConfiguredLevel();
        logging.setLogLevel(LIBRARY_POLLER, LogLevel.OFF);
        try {
            polling.close();
        } catch (Exception e) {
            log.warn("Closing the polling session failed: {}", e.getClass().getSimpleName());
        }
        pollingHttp.dispatcher().cancelAll();
        ScheduledExecutorService poller = pollerThread;
        if (poller != null) {
            poller.shutdown();
            try {
                poller.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        logging.setLogLevel(LIBRARY_POLLER, before);
        receiver.stop();
        intake.stopFeed();
        intake.drain();
        log.info("Stopped: polling ended, updates in hand handled; anything else is handled at the next start");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
