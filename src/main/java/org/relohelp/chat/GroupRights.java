package org.relohelp.chat;

import java.util.Optional;

/**
 * What the bot may do in a group, asked from Telegram (implemented by the Telegram edge): whether the group is a
 * forum, whether the bot is a member, an administrator, and allowed to manage topics. Never inside a transaction:
 * it is a call to Telegram.
 */
public interface GroupRights {

    /**
     * @param found         the bot can see the group (it is in it)
     * @param forum         the group has topics turned on
     * @param administrator the bot is an administrator there
     * @param manageTopics  with the right to manage topics (create, close, reopen)
     */
    record Standing(boolean found, boolean forum, boolean administrator, boolean manageTopics) {
    }

    /** The bot's standing in the group now; empty when Telegram could not be asked (unreachable, no answer). */
    Optional<Standing> ask(long chatId);
}
