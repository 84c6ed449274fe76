package org.relohelp.telegram;

import java.util.List;
import org.relohelp.chat.Language;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;

/** The command menu users see in Telegram, in Russian (also the default) and English, from the declarations. */
@Component
class CommandMenu {

    private final OutboundSender sender;
    private final HelpDesk help;

    CommandMenu(OutboundSender sender, HelpDesk help) {
        this.sender = sender;
        this.help = help;
    }

    void register() {
        sender.call(SetMyCommands.builder().commands(commands(Language.RU)).scope(new BotCommandScopeDefault())
                .build());
        for (Language language : Language.values()) {
            sender.call(SetMyCommands.builder().commands(commands(language)).scope(new BotCommandScopeDefault())
                    .languageCode(language.code()).build());
        }
    }

    List<BotCommand> commands(Language language) {
        return help.menu(language).stream().map(c -> new BotCommand(c[0], c[1])).toList();
    }
}
