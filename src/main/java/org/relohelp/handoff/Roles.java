package org.relohelp.handoff;

import java.util.HashSet;
import java.util.Set;
import org.relohelp.chat.Access;
import org.relohelp.chat.GroupChats;
import org.relohelp.chat.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Who may do what, decided on the server for every command and button: admins from the configuration,
 * volunteers from the database (so a removed volunteer loses access at once). Nothing in a message counts.
 */
@NamedInterface("staff")
@Component
public class Roles implements GroupChats {

    private final HandoffProperties properties;
    private final Volunteers volunteers;

    Roles(HandoffProperties properties, Volunteers volunteers) {
        this.properties = properties;
        this.volunteers = volunteers;
    }

    public boolean isAdmin(long userId) {
        return properties.adminIds().contains(userId);
    }

    /** The admins, to whom reports such as the weekly stale-knowledge list go. */
    public Set<Long> admins() {
        return Set.copyOf(properties.adminIds());
    }

    /** Admins and active volunteers: people who use the bot for their work. */
    public Set<Long> staff() {
        Set<Long> staff = new HashSet<>(properties.adminIds());
        volunteers.all().forEach(v -> staff.add(v.userId()));
        return staff;
    }

    public boolean isVolunteer(long userId) {
        return volunteers.active(userId).isPresent();
    }

    /** The only group the bot serves. */
    @Override
    public boolean serves(long chatId) {
        return properties.volunteerChatId() != null && properties.volunteerChatId() == chatId;
    }

    /** The accesses the handoff grants, for the edge to check before a feature sees an update. */
    @Bean
    static Role volunteerRole(Roles roles) {
        return Role.of(Access.VOLUNTEER, roles::isVolunteer);
    }

    @Bean
    static Role adminRole(Roles roles) {
        return Role.of(Access.ADMIN, roles::isAdmin);
    }
}
