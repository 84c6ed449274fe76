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
 * @param maxBackOff         the longest pause between attempts while the Bot API or the database is unreachable
 * @param workers            threads that handle updates; one chat's updates are handled one after another, in order
 * @param senders            Bot API calls of the outbox in flight at once (one per chat)
 * @param typingAfter        show "typing…" when an answer takes longer than this
 * @param limits             Telegram's sending limits, kept by the outbox
 * @param floodPerMinute     a person sending more messages than this in a minute is asked to slow down
 * @param giveUpAfter        how long a message is tried again while Telegram answers 5xx or 429 or cannot be
 *                           reached; then it counts as not delivered
 * @param handleAttempts     how often an update is handled before it is set aside when handling it keeps failing
 *                           (a database that is away does not count: that is waited out)
 * @param inHand             updates stored but not yet handled above which the bot fetches no more: a flood waits
 *                           at Telegram, not in the bot's memory
 */
@ConfigurationProperties("relohelp.telegram")
public record TelegramProperties(String token,
                                 @DefaultValue("https://api.telegram.org") URI apiUrl,
                                 @DefaultValue("50s") Duration pollTimeout,
                                 @DefaultValue("30s") Duration maxBackOff,
                                 @DefaultValue("8") int workers,
                                 @DefaultValue("8") int senders,
                                 @DefaultValue("700ms") Duration typingAfter,
                                 @DefaultValue Limits limits,
                                 @DefaultValue("20") int floodPerMinute,
                                 @DefaultValue("6h") Duration giveUpAfter,
                                 @DefaultValue("3") int handleAttempts,
                                 @DefaultValue("400") int inHand) {

    /**
     * Telegram's limits, kept as sliding windows: never more than {@code perSecond} messages in any one second
     * overall, {@code perChat} in any second to one private chat, {@code perGroupPerMinute} in any minute to one
     * group. A request counts from its start until its answer plus the window ({@link Window}), so network timing
     * cannot make requests arrive closer together than Telegram allows; {@code margin} lengthens each window a
     * little more, for clocks that round. Mass mailings ({@code bulkPerSecond}) take only part of the overall rate,
     * so answers to people never wait behind them.
     */
    public record Limits(@DefaultValue("30") int perSecond, @DefaultValue("1") int perChat,
                         @DefaultValue("20") int perGroupPerMinute, @DefaultValue("20") int bulkPerSecond,
                         @DefaultValue("10ms") Duration margin) {

        public Limits {
            if (perSecond < 1 || perChat < 1 || perGroupPerMinute < 1 || bulkPerSecond < 1 || margin.isNegative()) {
                throw new IllegalArgumentException("relohelp.telegram.limits: every limit must be at least 1");
            }
        }
    }

    public TelegramProperties {
        String scheme = apiUrl.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || apiUrl.getHost() == null) {
            throw new IllegalArgumentException("TELEGRAM_API_URL must look like https://api.telegram.org or "
                    + "http://127.0.0.1:8081, not '" + apiUrl + "'");
        }
        if (workers < 1 || senders < 1 || handleAttempts < 1 || inHand < 1 || giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("relohelp.telegram.workers, senders, handle-attempts and in-hand must "
                    + "be at least 1, give-up-after not negative");
        }
    }
}
