/**
 * The plain conversation model shared by the features and the Telegram edge: people ({@link Profile}), languages,
 * countries, replies with buttons, the bot's texts, and the contract through which features declare what they
 * answer ({@link ChatFeature}, {@link Dialogue}, {@link Conversation}, {@link Role}) and send ({@link Messenger}).
 * It knows nothing of Telegram, and depends on no other module.
 */
@ApplicationModule(allowedDependencies = {})
package org.relohelp.chat;

import org.springframework.modulith.ApplicationModule;
