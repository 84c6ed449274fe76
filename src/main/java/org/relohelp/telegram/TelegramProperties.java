package org.relohelp.telegram;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the bot reaches Telegram and who it serves there.
 *
 * @param token              the bot's token from @BotFather ({@code TELEGRAM_BOT_TOKEN}); never logged
 * @param apiUrl             Bot API base as scheme://host:port ({@code TELEGRAM_API_URL})
 * @param pollTimeout        how long one getUpdates call waits for news
 * @param maxBackOff         the longest pause between attempts while the Bot API is unreachable
 * @param workers            parallel lanes for updates; one chat always uses the same lane, so stays in order
 * @param typingAfter        show "typing…" when an answer takes longer than this
 * @param limits             Telegram's sending limits, kept by the outbound sender
 * @param floodPerMinute     a person sending more messages than this in a minute is asked to slow down
 * @param sendAttempts       how often a send is tried when Telegram answers 429 or 5xx or cannot be reached
 */
@ConfigurationProperties("relohelp.telegram")
public record TelegramProperties(String token,
                                 @DefaultValue("https://api.telegram.org") URI apiUrl,
                                 @DefaultValue("50s") Duration pollTimeout,
                                 @DefaultValue("30s") Duration maxBackOff,
                                 @DefaultValue("8") int workers,
                                 @DefaultValue("700ms") Duration typingAfter,
                                 @DefaultValue Limits limits,
                                 @DefaultValue("20") int floodPerMinute,
                                 @DefaultValue("5") int sendAttempts) {

    /** Messages per second overall, per private chat (with a burst), and per group per minute. */
    public record Limits(@DefaultValue("30") int perSecond, @DefaultValue("3") int perChatBurst,
                         @DefaultValue("20") int perGroupPerMinute) {
    }

    public TelegramProperties {
        String scheme = apiUrl.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || apiUrl.getHost() == null) {
            throw new IllegalArgumentException("TELEGRAM_API_URL must look like https://api.telegram.org or "
                    + "http://127.0.0.1:8081, not '" + apiUrl + "'");
        }
        if (workers < 1) {
            throw new IllegalArgumentException("relohelp.telegram.workers must be at least 1");
        }
    }
}
