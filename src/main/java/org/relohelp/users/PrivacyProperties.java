package org.relohelp.users;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retentionDays  closed tickets and their routes, curator questions, finished reminders and inactive
 *                       profiles are deleted after this many days
 * @param blockedGrace   a user who blocked the bot is forgotten after this long
 */
@ConfigurationProperties("relohelp.privacy")
public record PrivacyProperties(@DefaultValue("30") int retentionDays, @DefaultValue("7d") Duration blockedGrace) {
}
