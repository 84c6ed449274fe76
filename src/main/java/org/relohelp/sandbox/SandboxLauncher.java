package org.relohelp.sandbox;

import java.nio.file.Path;
import java.util.Map;
import org.relohelp.emulator.BotApiEmulator;
import org.relohelp.emulator.BotRights;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides the mode before anything starts. With a bot token the bot runs against Telegram. Without one it
 * runs the sandbox: the Bot API emulator on 127.0.0.1, the real client pointed at it, its own database, knowledge
 * copy and published drafts under {@code <data-dir>/sandbox}, and the chat page ({@link SandboxPage}). With the sandbox switched off
 * ({@code RELOHELP_SANDBOX=false}) a missing token stops the program with one line saying what to set.
 * Registered by {@code main} only, so test contexts choose their own Bot API.
 */
public class SandboxLauncher implements SmartApplicationListener {

    public static final int EXIT_NO_TOKEN = 2;
    static final String TOKEN = "100000001:sandbox";

    private BotApiEmulator emulator;

    /** Before the knowledge folder is chosen (KnowledgeFolder): the sandbox moves the data folder. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> type) {
        return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
                || ApplicationPreparedEvent.class.isAssignableFrom(type)
                || ApplicationFailedEvent.class.isAssignableFrom(type);
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            chooseMode(prepared.getEnvironment());
        } else if (event instanceof ApplicationPreparedEvent prepared && emulator != null) {
            var beans = (DefaultListableBeanFactory) prepared.getApplicationContext().getBeanFactory();
            beans.registerSingleton("botApiEmulator", emulator);
            // closed with the beans, after the bot has stopped polling it: closed at ContextClosedEvent, before the
            // bot stops, it broke the waiting getUpdates, which the library logs as an error with a stack trace
            beans.registerDisposableBean("botApiEmulatorCloser", this::closeEmulator);
        } else if (event instanceof ApplicationFailedEvent) {
            // a start that fails (a wrong setting) closes the emulator too: its server thread would keep the
            // program running, saying nothing, after the error
            closeEmulator();
        }
    }

    private synchronized void closeEmulator() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }

    private void chooseMode(ConfigurableEnvironment environment) {
        String token = environment.getProperty("relohelp.telegram.token");
        if (token != null && !token.isBlank()) {
            return;
        }
        if (!environment.getProperty("relohelp.sandbox.enabled", Boolean.class, true)) {
            System.err.println("Relohelp cannot start: no Telegram bot token. Set the environment variable "
                    + "TELEGRAM_BOT_TOKEN to your bot's token from @BotFather.");
            System.exit(EXIT_NO_TOKEN);
        }
        emulator = BotApiEmulator.start(TOKEN, environment.getProperty("relohelp.sandbox.bot-api-port",
                Integer.class, 0));
        emulator.openChat(SandboxPeople.VOLUNTEER_GROUP);
        // as a group set up for topic mode: the bot is an administrator who manages topics and deletes messages
        emulator.setBotRights(SandboxPeople.VOLUNTEER_GROUP, BotRights.administrator(BotRights.Right.MANAGE_TOPICS,
                BotRights.Right.DELETE_MESSAGES, BotRights.Right.PIN_MESSAGES));
        if (environment.getProperty("relohelp.sandbox.forum", Boolean.class, false)) {
            emulator.makeForum(SandboxPeople.VOLUNTEER_GROUP);
        }
        emulator.openChat(SandboxPeople.VOLUNTEER.id());
        emulator.openChat(SandboxPeople.ADMIN.id());
        emulator.openChat(SandboxPeople.HOST.id());
        Path dataDir = Path.of(environment.getProperty("relohelp.data-dir", "./data")).resolve("sandbox");
        environment.getPropertySources().addFirst(new MapPropertySource("relohelp-sandbox", Map.of(
                "relohelp.sandbox.active", "true",
                "relohelp.telegram.token", TOKEN,
                "relohelp.telegram.api-url", emulator.url(),
                "relohelp.handoff.volunteer-chat-id", String.valueOf(SandboxPeople.VOLUNTEER_GROUP),
                "relohelp.handoff.admin-ids", String.valueOf(SandboxPeople.ADMIN.id()),
                "relohelp.data-dir", dataDir.toString())));
    }
}
