package org.relohelp.handoff;

import java.util.List;
import java.util.stream.Collectors;
import org.relohelp.chat.Access;
import org.relohelp.chat.Asked;
import org.relohelp.chat.ChatFeature;
import org.relohelp.chat.Command;
import org.relohelp.chat.DeepLink;
import org.relohelp.chat.Html;
import org.relohelp.chat.Language;
import org.relohelp.chat.Messenger;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/** Admins manage the volunteers: add by id or by one-time invite link, remove, list. */
@NamedInterface("sandbox")
@Service
public class Roster implements ChatFeature {

    static final String INVITE_PREFIX = "inv_";

    private final Volunteers volunteers;
    private final Invites invites;
    private final Tickets tickets;
    private final VolunteerDesk desk;
    private final Messenger messenger;
    private final Texts texts;
    private final HandoffProperties properties;
    private final VolunteerLanguage languages;

    Roster(Volunteers volunteers, Invites invites, Tickets tickets, VolunteerDesk desk,
           Messenger messenger, Texts texts, HandoffProperties properties, VolunteerLanguage languages) {
        this.volunteers = volunteers;
        this.invites = invites;
        this.tickets = tickets;
        this.desk = desk;
        this.messenger = messenger;
        this.texts = texts;
        this.properties = properties;
        this.languages = languages;
    }

    @Override
    public List<Command> commands() {
        return List.of(
                Command.of("volunteers", Access.ADMIN, "menu.volunteers", this::command).at(60),
                Command.of("invite", Access.ADMIN, "menu.invite", this::command).at(61),
                Command.of("addvolunteer", Access.ADMIN, "menu.addvolunteer", this::command).at(62),
                Command.of("removevolunteer", Access.ADMIN, "menu.removevolunteer", this::command).at(63));
    }

    @Override
    public List<DeepLink> deepLinks() {
        return List.of(new DeepLink(INVITE_PREFIX, asked -> redeem(asked.userId(), asked.argument())));
    }

    /** addvolunteer, removevolunteer, invite, volunteers: the edge let only admins through. */
    private Reply command(Asked asked) {
        long adminId = asked.userId();
        String argument = asked.argument();
        Language lang = languages.of(adminId);
        return switch (asked.command()) {
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

    Reply redeem(long userId, String startPayload) {
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
        String any = texts.get(lang, "handoff.any");
        String lines = all.stream().map(v -> texts.get(lang, "roster.line", v.displayName(), v.userId(),
                v.languages().isEmpty() ? any : v.languages(), v.countries().isEmpty() ? any : v.countries(),
                tickets.assignedTo(v.userId()).size())).collect(Collectors.joining("\n"));
        return Reply.text(texts.get(lang, "roster.list", all.size(), Html.trusted(lines)));
    }

    private static String defaultName(long userId) {
        return "Волонтёр " + Long.toString(userId % 1000);
    }

    private static java.util.Optional<Long> userId(String argument) {
        String digits = argument == null ? "" : argument.strip();
        return digits.matches("\\d{1,19}") ? java.util.Optional.of(Long.parseLong(digits)) : java.util.Optional.empty();
    }
}
