package org.relohelp.cluster;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;

/** Long polling: one instance per bot (Telegram allows one getUpdates at a time), so it leads from the start. */
class AlwaysLeader implements Leadership {

    private final ApplicationEventPublisher events;

    AlwaysLeader(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public boolean isLeader() {
        return true;
    }

    @Override
    public long term() {
        return 1;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        events.publishEvent(new LeadershipGained());
    }
}
