package org.relohelp.chat;

/**
 * A message as a feature receives it from the edge: who wrote (their profile), in which chat, the message itself,
 * and for a command its name (lower case, without the slash and the bot's @name) and the rest of the line.
 */
public record Asked(Profile profile, long chatId, boolean privateChat, Incoming message, String command,
                    String argument) {

    public long userId() {
        return profile.userId();
    }

    public Language language() {
        return profile.language();
    }
}
