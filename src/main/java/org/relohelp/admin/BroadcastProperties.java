package org.relohelp.admin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param activeDays     a broadcast reaches users seen within this many days who neither muted broadcasts nor
 *                       blocked the bot
 * @param progressEvery  how often the admin's progress message is updated while a broadcast is sent
 */
@ConfigurationProperties("relohelp.broadcast")
public record BroadcastProperties(@DefaultValue("30") int activeDays,
                                  @DefaultValue("5s") Duration progressEvery) {

    public BroadcastProperties {
        if (activeDays < 1) {
            throw new IllegalArgumentException("relohelp.broadcast.active-days must be at least 1");
        }
    }
}
