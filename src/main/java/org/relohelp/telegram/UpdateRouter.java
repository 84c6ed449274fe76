package org.relohelp.telegram;

import java.util.Locale;
import java.util.Optional;
import org.relohelp.chat.Button;
import org.relohelp.chat.ButtonResult;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.relohelp.handoff.VolunteerOffer;
import org.relohelp.knowledge.Answers;
import org.relohelp.users.Profile;
import org.relohelp.users.Profiles;
import org.relohelp.users.Welcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Turns updates into plain calls on the features and their replies into messages. Private chats only for
 * now: other groups get silence. Everything that is not text gets a polite word; edits are left alone.
 */
@Component
class UpdateRouter {

    private static final Logger log = LoggerFactory.getLogger(UpdateRouter.class);

    private final Profiles profiles;
    private final Welcome welcome;
    private final Answers answers;
    private final VolunteerOffer volunteers;
    private final OutboundSender sender;
    private final Texts texts;

    UpdateRouter(Profiles profiles, Welcome welcome, Answers answers, VolunteerOffer volunteers,
                 OutboundSender sender, Texts texts) {
        this.profiles = profiles;
        this.welcome = welcome;
        this.answers = answers;
        this.volunteers = volunteers;
        this.sender = sender;
        this.texts = texts;
    }

    void handle(Update update) {
        log.info("Update {}: {}", update.getUpdateId(), UpdateKinds.kind(update));
        if (update.hasMessage()) {
            onMessage(update.getMessage());
        } else if (update.hasCallbackQuery()) {
            onButton(update.getCallbackQuery());
        }
    }

    private void onMessage(Message message) {
        User from = message.getFrom();
        if (!message.getChat().isUserChat() || from == null || Boolean.TRUE.equals(from.getIsBot())) {
            return;
        }
        long chatId = message.getChatId();
        Profile profile = profiles.touch(from.getId(), from.getLanguageCode());
        if (!message.hasText()) {
            sender.send(chatId, Reply.text(texts.get(profile.language(), "input.not-text")));
        } else if (message.getText().startsWith("/")) {
            sender.send(chatId, command(profile, message.getText()));
        } else {
            String question = message.getText();
            sender.send(chatId, sender.typingWhile(chatId,
                    () -> answers.answer(question, profile.knownCountry(), profile.language())));
        }
    }

    private Reply command(Profile profile, String text) {
        String command = text.substring(1).split("[\\s@]", 2)[0].toLowerCase(Locale.ROOT);
        return switch (command) {
            case "start" -> welcome.start(profile);
            case "help" -> welcome.help(profile);
            case "country" -> welcome.chooseCountry(profile);
            case "lang", "language" -> welcome.chooseLanguage(profile);
            case "human" -> volunteers.offer(profile.language());
            default -> Reply.text(texts.get(profile.language(), "command.unknown"));
        };
    }

    private void onButton(CallbackQuery button) {
        Profile profile = profiles.touch(button.getFrom().getId(), button.getFrom().getLanguageCode());
        String action = button.getData() == null ? "" : button.getData();
        Optional<ButtonResult> result = Optional.empty();
        if (welcome.handles(action)) {
            result = welcome.press(profile, action);
        } else if (answers.handles(action)) {
            result = answers.press(action, profile.language());
        } else if (action.equals(Button.ASK_VOLUNTEER)) {
            result = Optional.of(ButtonResult.message(volunteers.offer(profile.language())));
        }
        ButtonResult outcome = result.orElseGet(() -> ButtonResult.toast(texts.get(profile.language(), "button.stale")));
        sender.answerButton(button.getId(), outcome.toast());
        long chatId = UpdateKinds.chatId(button);
        if (outcome.replacePressed() != null && button.getMessage() != null) {
            sender.edit(chatId, button.getMessage().getMessageId(), outcome.replacePressed());
        }
        if (outcome.newMessage() != null) {
            sender.send(chatId, outcome.newMessage());
        }
    }
}
