package org.relohelp.chat;

/** The groups the bot serves (the volunteers' group); it leaves any other group it is added to. */
public interface GroupChats {

    boolean serves(long chatId);
}
