package org.relohelp.telegram;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.relohelp.chat.Access;
import org.relohelp.chat.ButtonRoute;
import org.relohelp.chat.ChatFeature;
import org.relohelp.chat.Command;
import org.relohelp.chat.Conversation;
import org.relohelp.chat.DeepLink;
import org.relohelp.chat.Dialogue;
import org.relohelp.chat.GroupChats;
import org.relohelp.chat.Profile;
import org.relohelp.chat.Questions;
import org.relohelp.chat.Role;
import org.springframework.stereotype.Component;

/**
 * The table the edge routes by, built from what the features declare ({@link ChatFeature}, {@link Dialogue},
 * {@link Conversation}, {@link Role}): commands by name, buttons by the longest matching prefix, deep links by
 * prefix, dialogue steps in declaration order. Two features claiming the same command, prefix or deep link fail
 * the start-up, so a clash is found by the first test, not by a user.
 */
@Component
class Routes {

    private final Map<String, Command> commands = new HashMap<>();
    private final List<Command> inOrder = new ArrayList<>();
    private final List<ButtonRoute> buttons = new ArrayList<>();
    private final List<DeepLink> deepLinks = new ArrayList<>();
    private final Map<Access, List<Role>> roles = new EnumMap<>(Access.class);
    private final List<Dialogue> dialogues;
    private final List<Conversation> conversations;
    private final Questions questions;
    private final List<GroupChats> groups;

    Routes(List<ChatFeature> features, List<Role> roles, List<Dialogue> dialogues, List<Conversation> conversations,
           Questions questions, List<GroupChats> groups) {
        for (ChatFeature feature : features) {
            for (Command command : feature.commands()) {
                for (String name : command.names()) {
                    if (commands.put(name, command) != null) {
                        throw new IllegalStateException("two features answer /" + name);
                    }
                }
                inOrder.add(command);
            }
            for (ButtonRoute route : feature.buttons()) {
                if (buttons.stream().anyMatch(b -> b.prefix().equals(route.prefix()))) {
                    throw new IllegalStateException("two features answer buttons " + route.prefix());
                }
                buttons.add(route);
            }
            deepLinks.addAll(feature.deepLinks());
        }
        if (commands.containsKey(HelpDesk.HELP)) {
            throw new IllegalStateException("/help is built by the edge from the declarations");
        }
        buttons.sort(Comparator.comparingInt((ButtonRoute b) -> b.prefix().length()).reversed());
        roles.forEach(role -> this.roles.computeIfAbsent(role.access(), a -> new ArrayList<>()).add(role));
        this.dialogues = List.copyOf(dialogues);
        this.conversations = conversations.stream().sorted(Comparator.comparingInt(Conversation::order)).toList();
        this.questions = questions;
        this.groups = List.copyOf(groups);
    }

    Optional<Command> command(String name) {
        return Optional.ofNullable(commands.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Every command in declaration order, each once (under its first name). */
    List<Command> commands() {
        return List.copyOf(inOrder);
    }

    Optional<ButtonRoute> button(String action) {
        return buttons.stream().filter(b -> action.startsWith(b.prefix())).findFirst();
    }

    Optional<DeepLink> deepLink(String payload) {
        return deepLinks.stream().filter(d -> payload.startsWith(d.prefix())).findFirst();
    }

    boolean holds(long userId, Access access) {
        return access == Access.EVERYONE
                || roles.getOrDefault(access, List.of()).stream().anyMatch(role -> role.heldBy(userId));
    }

    /** Volunteers and admins answer many people at once: the flood limit must not silence them. */
    boolean isStaff(long userId) {
        return holds(userId, Access.VOLUNTEER) || holds(userId, Access.ADMIN);
    }

    /** The step the person is in, if any (the first feature that waits for them). */
    Optional<Dialogue> step(Profile profile) {
        return dialogues.stream().filter(d -> d.waitsFor(profile)).findFirst();
    }

    List<Dialogue> steps(Profile profile) {
        return dialogues.stream().filter(d -> d.waitsFor(profile)).toList();
    }

    List<Conversation> conversations() {
        return conversations;
    }

    Questions questions() {
        return questions;
    }

    boolean serves(long groupId) {
        return groups.stream().anyMatch(g -> g.serves(groupId));
    }
}
