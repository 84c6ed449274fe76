package org.relohelp.chat;

/** Who holds an {@link Access}: answered by the feature that grants it (volunteers and admins by the handoff). */
public interface Role {

    Access access();

    boolean heldBy(long userId);
}
