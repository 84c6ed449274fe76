package org.relohelp.chat;

import java.util.List;

/**
 * A command a feature answers: its names (the first is shown), who may use it, whether it also works in the
 * volunteers' group, and its line in the menu and in /help ({@code menuKey}, a text key; null: not listed) with its
 * place there. The edge routes by these declarations, checks the access, and builds Telegram's command menu (the
 * commands for everyone) and /help (the commands the person may use) from them, so the three cannot drift apart.
 */
public record Command(List<String> names, Access access, boolean inGroup, String menuKey, int menuOrder,
                      Handler handler) {

    @FunctionalInterface
    public interface Handler {
        Reply handle(Asked asked);
    }

    public Command {
        names = List.copyOf(names);
        if (names.isEmpty() || names.stream().anyMatch(n -> !n.matches("[a-z0-9_]{1,32}"))) {
            throw new IllegalArgumentException("a command is 1-32 of a-z, 0-9 and _: " + names);
        }
    }

    /** A command; {@code menuKey} null keeps it out of the menu and /help (it is still answered). */
    public static Command of(String name, Access access, String menuKey, Handler handler) {
        return new Command(List.of(name), access, false, menuKey, 100, handler);
    }

    /** Its place in the menu and in /help (lower first; 100 unless given). */
    public Command at(int order) {
        return new Command(names, access, inGroup, menuKey, order, handler);
    }

    /** The same command under other names too ("lang" and "language"). */
    public Command alsoAs(String... aliases) {
        List<String> all = new java.util.ArrayList<>(names);
        all.addAll(List.of(aliases));
        return new Command(all, access, inGroup, menuKey, menuOrder, handler);
    }

    /** Also answered in the volunteers' group (other groups get silence). */
    public Command inGroupToo() {
        return new Command(names, access, true, menuKey, menuOrder, handler);
    }

    public String name() {
        return names.get(0);
    }
}
