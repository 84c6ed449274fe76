package org.relohelp.emulator;

/** A person chatting with the bot through the emulator; their private chat has the same id. */
public record EmulatedUser(long id, String firstName, String languageCode) {
}
