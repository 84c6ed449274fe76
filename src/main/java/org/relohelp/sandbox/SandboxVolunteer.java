package org.relohelp.sandbox;

import org.relohelp.handoff.Roster;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The sandbox's volunteer is approved from the start, so the handoff can be tried without admin steps. */
@Component
@ConditionalOnProperty(name = "relohelp.sandbox.active", havingValue = "true")
class SandboxVolunteer {

    private final Roster roster;

    SandboxVolunteer(Roster roster) {
        this.roster = roster;
    }

    @EventListener(ApplicationReadyEvent.class)
    void enlist() {
        roster.enlist(SandboxPeople.VOLUNTEER.id(), "Вера");
    }
}
