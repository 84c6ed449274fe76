package org.relohelp.handoff;

import java.util.List;
import java.util.stream.Collectors;
import org.relohelp.chat.Language;
import org.relohelp.chat.Messenger;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.springframework.stereotype.Service;

/** Admins manage the volunteers: add by id or by one-time invite link, remove, list. */
@Service
public class Roster {

    static final String INVITE_PREFIX = "inv_";

    private final Roles roles;
    private final Volunteers volunteers;
    private final Invites invites;
    private final Tickets tickets;
    private final VolunteerDesk desk;
    private final Messenger messenger;
    private final Texts texts;
    private final HandoffProperties properties;
    private final VolunteerLanguage languages;

    Roster(Roles roles, Volunteers volunteers, Invites invites, Tickets tickets, VolunteerDesk desk,
           Messenger messenger, Texts texts, HandoffProperties properties, VolunteerLanguage languages) {
        this.roles = roles;
        this.volunteers = volunteers;
        this.invites = invites;
        this.tickets = tickets;
        this.desk = desk;
        this.messenger = messenger;
        this.texts = texts;
        this.properties = properties;
        this.languages = languages;
    }

    /** addvolunteer, removevolunteer, invite, volunteers. Non-admins get a refusal. */
    public Reply command(long adminId, String command, String argument) {
        Language lang = languages.of(adminId);
        if (!roles.isAdmin(adminId)) {
            return Reply.text(texts.get(lang, "handoff.not-admin"));
        }
        return switch (command) {
            case "addvolunteer" -> userId(argument).map(id -> add(id, lang))
                    .orElseGet(() -> Reply.text(texts.get(lang, "roster.usage-add")));
            case "removevolunteer" -> userId(argument).map(id -> remove(id, lang))
                    .orElseGet(() -> Reply.text(texts.get(lang, "roster.usage-remove")));
            case "invite" -> Reply.text(texts.get(lang, "roster.invite", properties.inviteValidity().toHours(),
                    "https://t.me/" + messenger.botUsername() + "?start=" + INVITE_PREFIX
                            + invites.create(adminId, properties.inviteValidity())));
            default -> list(lang);
        };
    }

    /** Approves a volunteer without an admin's command: the sandbox's ready-made volunteer. */
    public void enlist(long userId, String displayName) {
        volunteers.add(userId, displayName);
        volunteers.rename(userId, displayName);
    }

    /** Whether a /start payload is an invitation (then {@link #redeem} answers it). */
    public boolean isInvite(String startPayload) {
        return startPayload.startsWith(INVITE_PREFIX);
    }

    public Reply redeem(long userId, String startPayload) {
        Language lang = languages.of(userId);
        if (!invites.redeem(startPayload.substring(INVITE_PREFIX.length()), userId)) {
            return Reply.text(texts.get(lang, "roster.invite-invalid"));
        }
        volunteers.add(userId, defaultName(userId));
        return Reply.text(texts.get(lang, "roster.welcome"));
    }

    private Reply add(long userId, Language lang) {
        if (!volunteers.add(userId, defaultName(userId))) {
            return Reply.text(texts.get(lang, "roster.already", userId));
        }
        messenger.send(userId, Reply.text(texts.get(languages.of(userId), "roster.welcome")));
        return Reply.text(texts.get(lang, "roster.added", userId));
    }

    private Reply remove(long userId, Language lang) {
        List<Ticket> held = tickets.assignedTo(userId);
        if (!volunteers.deactivate(userId)) {
            return Reply.text(texts.get(lang, "roster.not-found", userId));
        }
        held.forEach(ticket -> desk.release(ticket, lang));
        messenger.send(userId, Reply.text(texts.get(languages.of(userId), "roster.you-were-removed")));
        return Reply.text(texts.get(lang, "roster.removed", userId, held.size()));
    }

    private Reply list(Language lang) {
        List<Volunteer> all = volunteers.all();
        if (all.isEmpty()) {
            return Reply.text(texts.get(lang, "roster.list-empty"));
        }
        String lines = all.stream().map(v -> "• " + v.displayName() + " · id " + v.userId() + " · "
                + v.languages() + (v.countries().isEmpty() ? "" : " · " + v.countries()) + " · #"
                + tickets.assignedTo(v.userId()).size()).collect(Collectors.joining("\n"));
        return Reply.text(texts.get(lang, "roster.list", all.size(), lines));
    }

    private static String defaultName(long userId) {
        return "Волонтёр " + Long.toString(userId % 1000);
    }

    private static java.util.Optional<Long> userId(String argument) {
        String digits = argument == null ? "" : argument.strip();
        return digits.matches("\\d{1,19}") ? java.util.Optional.of(Long.parseLong(digits)) : java.util.Optional.empty();
    }
}
