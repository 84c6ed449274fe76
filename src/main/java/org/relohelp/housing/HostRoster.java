package org.relohelp.housing;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
import org.relohelp.chat.Role;
import org.relohelp.chat.Texts;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Who may offer housing. Admins approve a host by id (/addhost) or with a one-time invitation link
 * (/hostinvite, {@code t.me/<bot>?start=host_…}), remove one (/removehost: their offers close), block one
 * (/blockhost: offers gone at once, conversations ended, and no invitation makes them a host again) and list them
 * (/hosts). A volunteer becomes a host the same way. A host chooses the name guests see (/hostname). /addhost on
 * someone blocked — also one who used /forget since, for {@code block-kept} — says when, and approves them only as
 * {@code /addhost <id> снова} (or {@code again}).
 */
@Service
@NamedInterface("sandbox")
public class HostRoster implements ChatFeature {

    static final String INVITE_PREFIX = "host_";
    /** The word after /addhost's id that approves someone blocked all the same. */
    private static final Set<String> AGAIN = Set.of("снова", "again");
    private static final int MAX_NAME = 64;

    private final Hosts hosts;
    private final HostInvites invites;
    private final Offers offers;
    private final Takedown takedown;
    private final Moderation moderation;
    private final Messenger messenger;
    private final Texts texts;
    private final People people;
    private final OfferView view;
    private final HousingProperties properties;

    HostRoster(Hosts hosts, HostInvites invites, Offers offers, Takedown takedown, Moderation moderation,
               Messenger messenger, Texts texts, People people, OfferView view, HousingProperties properties) {
        this.hosts = hosts;
        this.invites = invites;
        this.offers = offers;
        this.takedown = takedown;
        this.moderation = moderation;
        this.messenger = messenger;
        this.texts = texts;
        this.people = people;
        this.view = view;
        this.properties = properties;
    }

    /** The access housing grants, for the edge to check before a host's command or button arrives. */
    @Bean
    static Role hostRole(Hosts hosts) {
        return Role.of(Access.HOST, hosts::isHost);
    }

    @Override
    public List<Command> commands() {
        return List.of(
                Command.of("hostname", Access.HOST, "menu.hostname", this::name).at(3),
                Command.of("hosts", Access.ADMIN, "menu.hosts", this::admin).at(64),
                Command.of("hostinvite", Access.ADMIN, "menu.hostinvite", this::admin).at(65),
                Command.of("addhost", Access.ADMIN, "menu.addhost", this::admin).at(66),
                Command.of("removehost", Access.ADMIN, "menu.removehost", this::admin).at(67),
                Command.of("blockhost", Access.ADMIN, "menu.blockhost", this::admin).at(68));
    }

    @Override
    public List<DeepLink> deepLinks() {
        return List.of(new DeepLink(INVITE_PREFIX, asked -> redeem(asked.userId(), asked.language(),
                asked.argument().substring(INVITE_PREFIX.length()))));
    }

    /** Approves a host without an admin's command: the sandbox's ready-made host. */
    public void enlist(long userId, String displayName) {
        hosts.approve(userId, displayName);
        hosts.rename(userId, displayName);
    }

    static String defaultName(long userId) {
        return "Хозяин " + userId % 1000;
    }

    private Reply admin(Asked asked) {
        Language lang = asked.language();
        Optional<Long> id = userId(asked.argument());
        return switch (asked.command()) {
            case "hostinvite" -> Reply.text(texts.get(lang, "housing.roster.invite",
                    properties.inviteValidity().toHours(), "https://t.me/" + messenger.botUsername() + "?start="
                            + INVITE_PREFIX + invites.create(asked.userId(), properties.inviteValidity())));
            case "addhost" -> addhost(asked.argument(), lang);
            case "removehost" -> id.map(user -> remove(user, lang))
                    .orElseGet(() -> Reply.text(texts.get(lang, "housing.roster.usage", "removehost")));
            case "blockhost" -> id.map(user -> Reply.text(texts.get(lang, "housing.roster.blocked", user,
                            moderation.block(user))))
                    .orElseGet(() -> Reply.text(texts.get(lang, "housing.roster.usage", "blockhost")));
            default -> list(lang);
        };
    }

    /** "/addhost 123", or "/addhost 123 снова" for someone who was blocked. */
    private Reply addhost(String argument, Language lang) {
        String[] words = argument == null ? new String[0] : argument.strip().split("\\s+");
        Optional<Long> id = words.length == 1 || words.length == 2 ? userId(words[0]) : Optional.empty();
        boolean again = words.length == 2 && AGAIN.contains(words[1].toLowerCase(Locale.ROOT));
        if (id.isEmpty() || words.length == 2 && !again) {
            return Reply.text(texts.get(lang, "housing.roster.usage", "addhost"));
        }
        return add(id.get(), again, lang);
    }

    private Reply add(long userId, boolean again, Language lang) {
        Optional<LocalDate> blocked = hosts.blockedOn(userId);
        if (blocked.isPresent() && !again) {
            return Reply.text(texts.get(lang, "housing.roster.was-blocked", userId, view.date(blocked.get(), lang)));
        }
        if (!hosts.approve(userId, defaultName(userId))) {
            return Reply.text(texts.get(lang, "housing.roster.already", userId));
        }
        messenger.send(userId, Reply.text(welcome(userId, people.language(userId))));
        return Reply.text(texts.get(lang, "housing.roster.added", userId));
    }

    private Reply remove(long userId, Language lang) {
        if (!hosts.deactivate(userId)) {
            return Reply.text(texts.get(lang, "housing.roster.not-found", userId));
        }
        int closed = takedown.hostGone(userId);
        messenger.send(userId, Reply.text(texts.get(people.language(userId), "housing.roster.you-were-removed")));
        return Reply.text(texts.get(lang, "housing.roster.removed", userId, closed));
    }

    private Reply list(Language lang) {
        List<Host> all = hosts.active();
        if (all.isEmpty()) {
            return Reply.text(texts.get(lang, "housing.roster.empty"));
        }
        String lines = all.stream().map(h -> texts.get(lang, "housing.roster.line", h.displayName(), h.userId(),
                offers.openOf(h.userId()).size())).collect(Collectors.joining("\n"));
        return Reply.text(texts.get(lang, "housing.roster.list", all.size(), Html.trusted(lines)));
    }

    /** A host invitation: never for someone an admin blocked, and the link is kept for whom it was meant. */
    Reply redeem(long userId, Language lang, String code) {
        Optional<Host> known = hosts.find(userId);
        if (known.filter(Host::blocked).isPresent() || hosts.blockedOn(userId).isPresent()) {
            return Reply.text(texts.get(lang, "housing.roster.invite-blocked"));
        }
        if (known.filter(Host::active).isPresent()) {
            return Reply.text(texts.get(lang, "housing.roster.already-you"));
        }
        if (!invites.redeem(code, userId)) {
            return Reply.text(texts.get(lang, "housing.roster.invite-invalid"));
        }
        hosts.approve(userId, defaultName(userId));
        return Reply.text(welcome(userId, lang));
    }

    private String welcome(long userId, Language lang) {
        return texts.get(lang, "housing.roster.welcome", hosts.find(userId).map(Host::displayName).orElse(""));
    }

    /** /hostname: the name guests see; without a name, the current one. */
    private Reply name(Asked asked) {
        Language lang = asked.language();
        String name = asked.argument().strip();
        if (name.isEmpty()) {
            return Reply.text(texts.get(lang, "housing.host.name-is",
                    hosts.find(asked.userId()).map(Host::displayName).orElse("")));
        }
        if (name.length() > MAX_NAME || name.contains("\n")) {
            return Reply.text(texts.get(lang, "housing.host.name-bad", MAX_NAME));
        }
        hosts.rename(asked.userId(), name);
        return Reply.text(texts.get(lang, "housing.host.name-saved", name));
    }

    private static Optional<Long> userId(String argument) {
        String digits = argument == null ? "" : argument.strip();
        return digits.matches("\\d{1,18}") ? Optional.of(Long.parseLong(digits)) : Optional.empty();
    }
}
