/**
 * Tickets: a refugee's question handed to a volunteer and the conversation relayed through the bot, the volunteers'
 * and admins' roles, announcements, timers. It offers {@code staff} (who the admins and volunteers are),
 * {@code tickets} (answers and counts, for drafts and /stats) and {@code sandbox} (the sandbox's ready-made volunteer).
 */
@ApplicationModule(allowedDependencies = {"chat", "cluster", "users"})
package org.relohelp.handoff;

import org.springframework.modulith.ApplicationModule;
