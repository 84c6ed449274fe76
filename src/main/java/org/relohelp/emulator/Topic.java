package org.relohelp.emulator;

/**
 * A forum topic as the group sees it. {@code threadId} is the id of the message that created it, which messages in
 * the topic carry as {@code message_thread_id}; the General topic is {@link BotApiEmulator#GENERAL_TOPIC} and its
 * messages carry none. {@code creatorId} is whoever created it (the bot's id for the bot; 0 for General).
 */
public record Topic(int threadId, String name, int iconColor, String iconCustomEmojiId, boolean closed,
                    long creatorId) {

    public boolean isGeneral() {
        return threadId == BotApiEmulator.GENERAL_TOPIC;
    }

    Topic renamed(String newName, String newIcon) {
        return new Topic(threadId, newName, iconColor, newIcon, closed, creatorId);
    }

    Topic closed(boolean isClosed) {
        return new Topic(threadId, name, iconColor, iconCustomEmojiId, isClosed, creatorId);
    }
}
