/**
 * The no-token mode: the emulator on 127.0.0.1, the bot pointed at it, and the chat page.
 */
@ApplicationModule(allowedDependencies = {"emulator", "handoff::sandbox", "housing::sandbox"})
package org.relohelp.sandbox;

import org.springframework.modulith.ApplicationModule;
