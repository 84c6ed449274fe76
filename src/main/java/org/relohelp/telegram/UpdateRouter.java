package org.relohelp.telegram;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.relohelp.chat.Access;
import org.relohelp.chat.Asked;
import org.relohelp.chat.ButtonResult;
import org.relohelp.chat.ButtonRoute;
import org.relohelp.chat.CancelWords;
import org.relohelp.chat.Command;
import org.relohelp.chat.Conversation;
import org.relohelp.chat.Dialogue;
import org.relohelp.chat.Incoming;
import org.relohelp.chat.Language;
import org.relohelp.chat.Pressed;
import org.relohelp.chat.Profile;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.relohelp.users.Profiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Turns updates into plain calls on the features and their replies into messages, by the table the features
 * declare ({@link Routes}); the access a command or button needs is checked here, once, before a feature sees it.
 * In a private chat a message is a command; else an answer to the step the person is in; else something a feature
 * takes (a volunteer's answer, a refugee's ticket); else a question for the knowledge base. A step is never a trap:
 * /cancel, its Cancel button or a message that is only "cancel" ({@link CancelWords}: "отмена", "стоп") leaves it,
 * any other command ends it with one line and then does what it was asked, and a message that is not an answer is
 * answered as a question and the step offered again. In the volunteers' group only the commands declared for it
 * count, and messages written in a forum topic go to the feature that keeps it ({@link Conversation#takeInTopic});
 * replies go to the topic asked in. The bot leaves any other group.
 */
@Component
class UpdateRouter {

    private static final Logger log = LoggerFactory.getLogger(UpdateRouter.class);
    private static final String CANCEL = "cancel";

    private final Profiles profiles;
    private final Routes routes;
    private final HelpDesk help;
    private final OutboundSender sender;
    private final Texts texts;
    private final FloodGuard flood;

    UpdateRouter(Profiles profiles, Routes routes, HelpDesk help, OutboundSender sender, Texts texts,
                 FloodGuard flood) {
        this.profiles = profiles;
        this.routes = routes;
        this.help = help;
        this.sender = sender;
        this.texts = texts;
        this.flood = flood;
    }

    void handle(Update update) {
        log.debug("Update {}: {}", update.getUpdateId(), UpdateKinds.kind(update));
        if (update.getMyChatMember() != null) {
            var chat = update.getMyChatMember().getChat();
            String status = update.getMyChatMember().getNewChatMember().getStatus();
            boolean joined = status.equals("member") || status.equals("administrator");
            if (joined && !chat.isUserChat() && !routes.serves(chat.getId())) {
                sender.leave(chat.getId());
            }
        } else if (update.hasMessage()) {
            onMessage(update.getMessage());
        } else if (update.hasEditedMessage()) {
            onEdit(update.getEditedMessage());
        } else if (update.hasCallbackQuery()) {
            onButton(update.getCallbackQuery());
        }
    }

    private void onMessage(Message message) {
        User from = message.getFrom();
        if (from == null || Boolean.TRUE.equals(from.getIsBot())) {
            return;
        }
        boolean privateChat = message.getChat().isUserChat();
        if (!privateChat && !routes.serves(message.getChatId())) {
            if (message.getChatId() < 0) {
                sender.leave(message.getChatId());
            }
            return;
        }
        FloodGuard.Verdict verdict = flood.check(from.getId());
        if (verdict != FloodGuard.Verdict.PASS && !routes.isStaff(from.getId())) {
            if (verdict == FloodGuard.Verdict.WARN) {
                send(message.getChatId(), Reply.text(texts.get(Language.fromTelegramCode(from.getLanguageCode()),
                        "input.slow-down")));
            }
            return;
        }
        Incoming in = UpdateKinds.incoming(message, false);
        Profile profile = profiles.touch(from.getId(), from.getLanguageCode());
        if (in.isCommand()) {
            command(profile, in, privateChat);
        } else if (privateChat) {
            conversation(profile, in);
        } else if (in.threadId() != 0 && !UpdateKinds.isService(message)) {
            inTopic(profile, in);
        }
    }

    /** A message in a forum topic of the volunteers' group: for the feature that keeps the topic, if any. */
    private void inTopic(Profile profile, Incoming in) {
        Asked asked = new Asked(profile, in.chatId(), false, in, "", "");
        for (Conversation conversation : routes.conversations()) {
            Optional<Reply> taken = conversation.takeInTopic(asked);
            if (taken.isPresent()) {
                send(in.chatId(), in.threadId(), taken.get());
                return;
            }
        }
    }

    private void command(Profile profile, Incoming in, boolean privateChat) {
        String[] parts = in.text().substring(1).split("\\s+", 2);
        String name = parts[0].split("@", 2)[0].toLowerCase(Locale.ROOT);
        String argument = parts.length > 1 ? parts[1].strip() : "";
        Optional<Command> command = routes.command(name);
        Asked asked = new Asked(profile, in.chatId(), privateChat, in, name, argument);
        if (!privateChat) {
            // the volunteers' group: the commands declared for it; anything else stays unanswered there
            if (name.equals(HelpDesk.HELP)) {
                send(in.chatId(), in.threadId(), help.help(profile));
            } else if (command.filter(Command::inGroup).filter(c -> routes.holds(profile.userId(), c.access()))
                    .isPresent()) {
                send(in.chatId(), in.threadId(), command.get().handler().handle(asked)); // in the topic it came from
            }
            return;
        }
        Optional<Dialogue> step = routes.step(profile);
        if (step.isPresent() && name.equals(CANCEL)) {
            send(in.chatId(), step.get().leave(profile, true));
            return;
        }
        if (step.isPresent() && !step.get().ownCommands().contains(name)) {
            send(in.chatId(), step.get().leave(profile, false)); // a command ends the step, in one line
        }
        send(in.chatId(), run(asked, command));
    }

    private Reply run(Asked asked, Optional<Command> command) {
        Language lang = asked.language();
        if (asked.command().equals("start") && !asked.argument().isEmpty()) {
            var link = routes.deepLink(asked.argument());
            if (link.isPresent()) {
                return link.get().handler().handle(asked);
            }
        }
        if (asked.command().equals(HelpDesk.HELP)) {
            return help.help(asked.profile());
        }
        if (asked.command().equals(HelpDesk.ADMIN) && routes.holds(asked.userId(), Access.ADMIN)) {
            return help.section(asked.profile(), Access.ADMIN);
        }
        if (command.isEmpty()) {
            return Reply.text(texts.get(lang, "command.unknown"));
        }
        if (!routes.holds(asked.userId(), command.get().access())) {
            return Reply.text(refusal(command.get().access(), lang));
        }
        return command.get().handler().handle(asked);
    }

    /** Admin commands do not tell strangers they exist; the others say who may use them. */
    private String refusal(Access access, Language lang) {
        return access == Access.ADMIN ? texts.get(lang, "command.unknown")
                : texts.get(lang, "access." + access.name().toLowerCase(Locale.ROOT));
    }

    private void conversation(Profile profile, Incoming in) {
        Asked asked = new Asked(profile, in.chatId(), true, in, "", "");
        Optional<Dialogue> step = routes.step(profile);
        if (step.isPresent() && in.isText() && CancelWords.only(in.text())) {
            send(in.chatId(), step.get().leave(profile, true)); // "отмена" typed is /cancel, in every step
            return;
        }
        if (step.isPresent()) {
            Optional<Reply> answered = step.get().answer(asked);
            if (answered.isPresent()) {
                endEarlierStep(profile, step, in.chatId());
                send(in.chatId(), answered.get());
                return;
            }
        }
        // not an answer to a step: something a feature takes, or a question
        Reply reply = freeMessage(asked);
        boolean stillWaiting = step.isPresent() && step.get().waitsFor(profile);
        if (!stillWaiting || routes.steps(profile).size() > 1) {
            endEarlierStep(profile, step, in.chatId());
            send(in.chatId(), reply);
        } else {
            send(in.chatId(), reply);
            send(in.chatId(), step.get().reoffer(profile)); // the question is answered, the step offered again
        }
    }

    private Reply freeMessage(Asked asked) {
        for (Conversation conversation : routes.conversations()) {
            Optional<Reply> taken = conversation.take(asked);
            if (taken.isPresent()) {
                return taken.get();
            }
        }
        if (!asked.message().isText()) {
            return Reply.text(texts.get(asked.language(), "input.not-text"));
        }
        return sender.typingWhile(asked.chatId(), () -> routes.questions().answer(asked));
    }

    /**
     * One step at a time: when handling an update started another feature's step while the person was in one, the
     * earlier one ends, saying so.
     */
    private void endEarlierStep(Profile profile, Optional<Dialogue> before, long chatId) {
        if (before.isEmpty() || !before.get().waitsFor(profile)) {
            return;
        }
        List<Dialogue> now = routes.steps(profile);
        if (now.size() > 1) {
            send(chatId, before.get().leave(profile, false));
        }
    }

    private void onEdit(Message message) {
        if (message.getFrom() == null) {
            return;
        }
        if (message.getChat().isUserChat()) {
            Incoming edit = UpdateKinds.incoming(message, true);
            routes.conversations().forEach(c -> c.edited(edit));
        } else if (routes.serves(message.getChatId()) && UpdateKinds.threadId(message) != 0) {
            Incoming edit = UpdateKinds.incoming(message, true);
            routes.conversations().forEach(c -> c.editedInTopic(edit));
        }
    }

    private void onButton(CallbackQuery button) {
        // presses count towards the same per-person limit as messages; past it, one toast, then none
        FloodGuard.Verdict verdict = flood.check(button.getFrom().getId());
        if (verdict != FloodGuard.Verdict.PASS && !routes.isStaff(button.getFrom().getId())) {
            sender.answerButton(button.getId(), verdict == FloodGuard.Verdict.WARN ? texts.plain(
                    Language.fromTelegramCode(button.getFrom().getLanguageCode()), "input.slow-down") : null);
            return;
        }
        Profile profile = profiles.touch(button.getFrom().getId(), button.getFrom().getLanguageCode());
        long chatId = UpdateKinds.chatId(button);
        int messageId = button.getMessage() == null ? 0 : button.getMessage().getMessageId();
        // a button in a forum topic answers in that topic
        int thread = button.getMessage() instanceof Message pressedIn ? UpdateKinds.threadId(pressedIn) : 0;
        String action = button.getData() == null ? "" : button.getData();
        Optional<Dialogue> step = routes.step(profile);
        ButtonResult outcome = press(new Pressed(profile, chatId, messageId, action, thread), step)
                .orElseGet(() -> ButtonResult.toast(texts.plain(profile.language(), "button.stale")));
        sender.answerButton(button.getId(), outcome.toast());
        if (outcome.replacePressed() != null && messageId != 0) {
            sender.edit(chatId, messageId, outcome.replacePressed());
        }
        endEarlierStep(profile, step, chatId); // a press that started another step ends the earlier one first
        if (outcome.newMessage() != null) {
            send(chatId, thread, outcome.newMessage());
        }
        boolean ownButton = step.isPresent() && step.get().ownButtons().stream().anyMatch(action::startsWith);
        if (step.isPresent() && !ownButton && !action.equals(Dialogue.CANCEL) && outcome.newMessage() != null
                && step.get().waitsFor(profile)) {
            send(chatId, step.get().reoffer(profile)); // an article read in the middle of a step
        }
    }

    private Optional<ButtonResult> press(Pressed pressed, Optional<Dialogue> step) {
        if (pressed.action().equals(Dialogue.CANCEL)) {
            return Optional.of(step.map(s -> new ButtonResult(null, s.leave(pressed.profile(), true),
                    new Reply(null, List.of()))).orElseGet(() ->
                    ButtonResult.toast(texts.plain(pressed.language(), "step.nothing-to-cancel"))));
        }
        Optional<ButtonRoute> route = routes.button(pressed.action());
        if (route.isEmpty()) {
            return Optional.empty();
        }
        if (!routes.holds(pressed.userId(), route.get().access())) {
            // an admin's buttons, like their commands, do not tell anyone else they exist
            return route.get().access() == Access.ADMIN ? Optional.empty() : Optional.of(ButtonResult.toast(
                    texts.plain(pressed.language(), "access." + route.get().access().name().toLowerCase(Locale.ROOT))));
        }
        return route.get().handler().press(pressed);
    }

    private void send(long chatId, Reply reply) {
        send(chatId, 0, reply);
    }

    private void send(long chatId, int threadId, Reply reply) {
        if (reply != null && !reply.isNothing()) {
            sender.send(chatId, threadId, reply, null);
        }
    }
}
