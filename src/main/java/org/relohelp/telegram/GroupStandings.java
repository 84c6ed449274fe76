package org.relohelp.telegram;

import java.util.Optional;
import org.relohelp.chat.GroupRights;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChat;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.objects.chat.ChatFullInfo;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberAdministrator;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberOwner;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The bot's standing in a group, from getMe (the bot's own id), getChat (is it a forum) and getChatMember (is the
 * bot an administrator, may it manage topics). A group Telegram refuses to show (400/403: the bot is not in it) is
 * "not found"; a Telegram that cannot be reached gives no answer. Direct calls: never inside a transaction.
 */
@Component
class GroupStandings implements GroupRights {

    private static final Logger log = LoggerFactory.getLogger(GroupStandings.class);

    private final TelegramClient client;

    GroupStandings(TelegramClient client) {
        this.client = client;
    }

    @Override
    public Optional<Standing> ask(long chatId) {
        try {
            long botId = client.execute(new GetMe()).getId();
            ChatFullInfo chat = client.execute(GetChat.builder().chatId(chatId).build());
            ChatMember member = client.execute(GetChatMember.builder().chatId(chatId).userId(botId).build());
            boolean forum = Boolean.TRUE.equals(chat.getIsForum());
            if (member instanceof ChatMemberOwner) {
                return Optional.of(new Standing(true, forum, true, true));
            }
            if (member instanceof ChatMemberAdministrator admin) {
                return Optional.of(new Standing(true, forum, true, Boolean.TRUE.equals(admin.getCanManageTopics())));
            }
            boolean in = member.getStatus().equals("member") || member.getStatus().equals("restricted");
            return Optional.of(new Standing(in, forum, false, false));
        } catch (TelegramApiRequestException refused) {
            Integer code = refused.getErrorCode();
            if (code != null && (code == 400 || code == 403)) {
                return Optional.of(new Standing(false, false, false, false)); // not in the group, or no such group
            }
            log.info("Asking Telegram about group {} failed: {}", chatId, code);
            return Optional.empty();
        } catch (TelegramApiException | RuntimeException unreachable) {
            log.info("Asking Telegram about group {} failed: {}", chatId, unreachable.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
