package org.relohelp.telegram;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.relohelp.chat.Access;
import org.relohelp.chat.Command;
import org.relohelp.chat.Language;
import org.relohelp.chat.Profile;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.springframework.stereotype.Component;

/**
 * /help and Telegram's command menu, both built from the commands the features declare: the menu lists the commands
 * for everyone, /help the commands this person may use — theirs as a refugee, and as a host, a volunteer or an
 * admin when they are one. A command added to a feature appears in both.
 */
@Component
class HelpDesk {

    static final String HELP = "help";
    /** An admin's own list of commands. */
    static final String ADMIN = "admin";
    private static final List<Access> SECTIONS = List.of(Access.EVERYONE, Access.HOST, Access.VOLUNTEER, Access.ADMIN);

    private final Routes routes;
    private final Texts texts;

    HelpDesk(Routes routes, Texts texts) {
        this.routes = routes;
        this.texts = texts;
    }

    Reply help(Profile profile) {
        Language lang = profile.language();
        String country = profile.knownCountry().map(c -> texts.countryName(lang, c))
                .orElse(texts.get(lang, "help.no-country"));
        StringBuilder html = new StringBuilder(texts.get(lang, "help.intro", country));
        for (Access access : SECTIONS) {
            if (!routes.holds(profile.userId(), access)) {
                continue;
            }
            List<String> lines = lines(access, lang);
            if (!lines.isEmpty()) {
                // everyone's commands follow the introduction, which ends with their heading
                html.append(access == Access.EVERYONE ? "" : "\n\n" + heading(access, lang));
                lines.forEach(line -> html.append('\n').append(line));
            }
        }
        return Reply.text(html.toString());
    }

    /** One section on its own, with its title ({@code /admin}). */
    Reply section(Profile profile, Access access) {
        Language lang = profile.language();
        return Reply.text(heading(access, lang) + "\n" + String.join("\n", lines(access, lang)));
    }

    private String heading(Access access, Language lang) {
        return texts.get(lang, "help.section." + access.name().toLowerCase(Locale.ROOT));
    }

    /** The commands of one section, as "/name — what it does". */
    List<String> lines(Access access, Language lang) {
        List<String> lines = new ArrayList<>();
        for (Command command : listed(access)) {
            lines.add("/" + command.name() + " — " + texts.get(lang, command.menuKey()));
        }
        if (access == Access.EVERYONE) {
            lines.add("/" + HELP + " — " + texts.get(lang, "menu.help"));
        }
        return lines;
    }

    /** The menu: everyone's commands and /help, as (name, description) pairs. */
    List<String[]> menu(Language lang) {
        List<String[]> menu = new ArrayList<>();
        for (Command command : listed(Access.EVERYONE)) {
            menu.add(new String[] {command.name(), texts.plain(lang, command.menuKey())});
        }
        menu.add(Math.min(1, menu.size()), new String[] {HELP, texts.plain(lang, "menu.help")}); // after /start
        return menu;
    }

    private List<Command> listed(Access access) {
        return routes.commands().stream().filter(c -> c.access() == access && c.menuKey() != null)
                .sorted(Comparator.comparingInt(Command::menuOrder)).toList();
    }
}
