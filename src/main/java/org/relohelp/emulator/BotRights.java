package org.relohelp.emulator;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The bot's standing in a group, which decides what Telegram lets it do there: a plain member ({@link #MEMBER}, the
 * default), or an administrator with some of Telegram's administrator rights. {@code getChatMember} shows it as
 * Telegram does (ChatMemberMember or ChatMemberAdministrator).
 */
public record BotRights(boolean administrator, Set<Right> rights) {

    /** Telegram's administrator rights in a supergroup, as {@code can_<name>} in ChatMemberAdministrator. */
    public enum Right {
        CHANGE_INFO, DELETE_MESSAGES, INVITE_USERS, RESTRICT_MEMBERS, PIN_MESSAGES, MANAGE_TOPICS, PROMOTE_MEMBERS,
        MANAGE_VIDEO_CHATS, POST_STORIES, EDIT_STORIES, DELETE_STORIES, MANAGE_TAGS;

        String field() {
            return "can_" + name().toLowerCase(Locale.ROOT);
        }
    }

    public static final BotRights MEMBER = new BotRights(false, Set.of());

    public BotRights {
        rights = Set.copyOf(rights);
        if (!administrator && !rights.isEmpty()) {
            throw new IllegalArgumentException("only an administrator has administrator rights");
        }
    }

    /** An administrator with these rights (and {@code can_manage_chat}, which every administrator has). */
    public static BotRights administrator(Right... rights) {
        Set<Right> set = EnumSet.noneOf(Right.class);
        set.addAll(java.util.List.of(rights));
        return new BotRights(true, set);
    }

    public boolean can(Right right) {
        return rights.contains(right);
    }
}
