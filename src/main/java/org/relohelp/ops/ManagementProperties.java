package org.relohelp.ops;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where health and metrics are served, and how long polling may stay silent before it counts as dead.
 *
 * @param port         the management port ({@code RELOHELP_MANAGEMENT_PORT}); 0 picks a free one, -1 serves nothing
 * @param address      the address it listens on ({@code RELOHELP_MANAGEMENT_ADDRESS}); loopback unless an operator
 *                     deliberately opens it, since neither endpoint asks for credentials
 * @param pollingGrace how much longer than one long poll ({@code poll-timeout}) the Bot API may take to answer
 *                     before "polling" is reported DOWN
 */
@ConfigurationProperties("relohelp.management")
public record ManagementProperties(@DefaultValue("8090") int port,
                                   @DefaultValue("127.0.0.1") String address,
                                   @DefaultValue("15s") Duration pollingGrace) {

    public ManagementProperties {
        if (port < -1 || port > 65_535) {
            throw new IllegalArgumentException("RELOHELP_MANAGEMENT_PORT must be -1 (off), 0 (any free port) or a "
                    + "port number, not " + port);
        }
        if (pollingGrace.isNegative()) {
            throw new IllegalArgumentException("relohelp.management.polling-grace must not be negative");
        }
    }
}
