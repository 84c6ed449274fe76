package org.relohelp.sandbox;

import org.relohelp.housing.HostRoster;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The sandbox's host is approved from the start, so offer → request → accept → conversation can be tried at once. */
@Component
@ConditionalOnProperty(name = "relohelp.sandbox.active", havingValue = "true")
class SandboxHost {

    private final HostRoster hosts;

    SandboxHost(HostRoster hosts) {
        this.hosts = hosts;
    }

    @EventListener(ApplicationReadyEvent.class)
    void enlist() {
        hosts.enlist(SandboxPeople.HOST.id(), "Тимур");
    }
}
