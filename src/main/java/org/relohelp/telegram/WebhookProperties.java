package org.relohelp.telegram;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook mode, instead of long polling when {@code url} is set.
 *
 * @param url     the public HTTPS address Telegram POSTs updates to ({@code TELEGRAM_WEBHOOK_URL}); usually a
 *                reverse proxy that forwards to {@code address:port} with the same path
 * @param secret  sent by Telegram in {@code X-Telegram-Bot-Api-Secret-Token} with every update
 *                ({@code TELEGRAM_WEBHOOK_SECRET}); requests without it are refused. Never logged
 * @param port    where the bot itself listens for those POSTs ({@code RELOHELP_WEBHOOK_PORT})
 * @param address the address it listens on ({@code RELOHELP_WEBHOOK_ADDRESS})
 */
@ConfigurationProperties("relohelp.telegram.webhook")
public record WebhookProperties(String url, String secret,
                                @DefaultValue("8088") int port,
                                @DefaultValue("127.0.0.1") String address) {

    public WebhookProperties {
        if (url != null && !url.isBlank()) {
            URI uri;
            try {
                uri = new URI(url.strip());
            } catch (java.net.URISyntaxException e) {
                uri = URI.create("invalid:/");
            }
            if (uri.getScheme() == null || uri.getHost() == null) {
                // the value itself is not repeated: some deployments put a secret into the path
                throw new IllegalArgumentException("TELEGRAM_WEBHOOK_URL must be a full address like "
                        + "https://bot.example.org/telegram");
            }
            // Telegram's own rule for secret_token; a webhook without one would accept updates from anybody
            if (secret == null || !secret.matches("[A-Za-z0-9_-]{1,256}")) {
                throw new IllegalArgumentException("TELEGRAM_WEBHOOK_SECRET must be set to 1-256 characters "
                        + "A-Z, a-z, 0-9, _ or - when TELEGRAM_WEBHOOK_URL is set");
            }
        }
    }

    boolean enabled() {
        return url != null && !url.isBlank();
    }

    /** The path Telegram POSTs to; the local server answers on the same one. */
    String path() {
        String path = URI.create(url.strip()).getPath();
        return path == null || path.isEmpty() ? "/" : path;
    }
}
