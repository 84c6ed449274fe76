package org.relohelp.telegram;

import java.util.List;
import org.relohelp.chat.Language;
import org.relohelp.chat.Texts;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;

/** The command menu users see in Telegram, in Russian (also the default) and English. */
@Component
class CommandMenu {

    static final List<String> COMMANDS = List.of("start", "help", "stay", "reminders", "human", "cancel", "country", "lang", "privacy",
            "mute", "unmute");

    private final OutboundSender sender;
    private final Texts texts;

    CommandMenu(OutboundSender sender, Texts texts) {
        this.sender = sender;
        this.texts = texts;
    }

    void register() {
        sender.call(SetMyCommands.builder().commands(commands(Language.RU)).scope(new BotCommandScopeDefault())
                .build());
        for (Language language : Language.values()) {
            sender.call(SetMyCommands.builder().commands(commands(language)).scope(new BotCommandScopeDefault())
                    .languageCode(language.code()).build());
        }
    }

    private List<BotCommand> commands(Language language) {
        return COMMANDS.stream().map(c -> new BotCommand(c, texts.get(language, "menu." + c))).toList();
    }
}
