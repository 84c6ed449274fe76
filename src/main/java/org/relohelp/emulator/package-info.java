/**
 * A Telegram Bot API emulator on 127.0.0.1 for the tests and the sandbox, checked against Telegram's own description
 * of the Bot API; no part of the bot.
 */
@ApplicationModule(allowedDependencies = {})
package org.relohelp.emulator;

import org.springframework.modulith.ApplicationModule;
