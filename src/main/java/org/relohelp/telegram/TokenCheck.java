package org.relohelp.telegram;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Stops the program before anything starts when there is no bot token, with one line saying what to set.
 * Registered by {@code main} only, so tests and tools that build their own context are not affected.
 */
public class TokenCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final int EXIT_NO_TOKEN = 2;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        String token = event.getEnvironment().getProperty("relohelp.telegram.token");
        if (token == null || token.isBlank()) {
            System.err.println("Relohelp cannot start: no Telegram bot token. Set the environment variable "
                    + "TELEGRAM_BOT_TOKEN to your bot's token from @BotFather.");
            System.exit(EXIT_NO_TOKEN);
        }
    }
}
