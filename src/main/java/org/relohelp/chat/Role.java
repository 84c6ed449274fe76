package org.relohelp.chat;

/** Who holds an {@link Access}: answered by the feature that grants it (volunteers and admins by the handoff). */
public interface Role {

    Access access();

    boolean heldBy(long userId);

    static Role of(Access access, java.util.function.LongPredicate holders) {
        return new Role() {
            @Override
            public Access access() {
                return access;
            }

            @Override
            public boolean heldBy(long userId) {
                return holders.test(userId);
            }
        };
    }
}
