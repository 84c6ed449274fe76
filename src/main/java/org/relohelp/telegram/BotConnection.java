package org.relohelp.telegram;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
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
 */
@Component
class BotConnection implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BotConnection.class);

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
    private volatile Thread connector;
    private volatile boolean running;

    BotConnection(TelegramProperties properties, TelegramUrl url, UpdateIntake intake, CommandMenu menu,
                  PollingHealthIndicator pollingHealth, WebhookProperties webhook, WebhookReceiver receiver,
                  TelegramClient client) {
        this.properties = properties;
        this.pollingHealth = pollingHealth;
        this.webhook = webhook;
        this.receiver = receiver;
        this.client = client;
        this.url = url;
        this.intake = intake;
        this.menu = menu;
        this.pollingHttp = new TelegramOkHttpClientFactory.DefaultOkHttpClientCreator().get()
                .newBuilder().readTimeout(properties.pollTimeout().plusSeconds(15)).addInterceptor(pollingHealth)
                .build();
        Supplier<OkHttpClient> http = () -> pollingHttp;
        this.polling = new TelegramBotsLongPollingApplication(com.fasterxml.jackson.databind.ObjectMapper::new, http,
                () -> Executors.newSingleThreadScheduledExecutor(daemon("telegram-polling")), this::backOff);
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
        }
        connector.start();
    }

    private interface Attempt {
        void run() throws TelegramApiException;
    }

    private void startPolling() throws TelegramApiException {
        try {
            polling.registerBot(properties.token(), () -> url, this::getUpdates, intake);
        } catch (TelegramApiException e) {
            unregisterQuietly();
            throw e;
        }
        log.info("Polling the Bot API at {}://{}:{}", url.getSchema(), url.getHost(), url.getPort());
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

    @Override
    public void stop() {
        running = false;
        if (connector != null) {
            connector.interrupt();
        }
        try {
            polling.close();
        } catch (Exception e) {
            log.warn("Closing the polling session failed: {}", e.getClass().getSimpleName());
        }
        // A getUpdates call may still be waiting; cancel it so no update reaches a closed intake.
        // Unconfirmed updates stay with Telegram and come again on the next start.
        pollingHttp.dispatcher().cancelAll();
        receiver.stop();
        intake.stopFeed();
        intake.drain();
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
