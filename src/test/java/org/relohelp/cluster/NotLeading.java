package org.relohelp.cluster;

/** Another instance of a cluster, one that does not lead: its singleton jobs must leave everything alone. */
public final class NotLeading implements Leadership {

    @Override
    public boolean isLeader() {
        return false;
    }

    @Override
    public long term() {
        return 0;
    }
}
