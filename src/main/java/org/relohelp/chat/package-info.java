/**
 * The plain conversation model shared by the features and the Telegram edge: languages, countries,
 * replies with buttons, and the bot's texts. It knows nothing of Telegram.
 */
package org.relohelp.chat;
