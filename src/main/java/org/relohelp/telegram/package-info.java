/**
 * The edge: the only module that knows Telegram. Update intake, routing by what the features declare, the outbox and
 * its delivery within Telegram's limits, polling or webhook.
 */
@ApplicationModule(allowedDependencies = {"chat", "cluster", "ops", "users"})
package org.relohelp.telegram;

import org.springframework.modulith.ApplicationModule;
