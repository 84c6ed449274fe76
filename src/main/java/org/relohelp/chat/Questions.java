package org.relohelp.chat;

/** What answers a message nobody else took: the knowledge base. */
public interface Questions {

    Reply answer(Asked asked);
}
