package org.relohelp.telegram;

import java.util.Locale;
import java.util.Optional;
import org.relohelp.admin.AdminDesk;
import org.relohelp.admin.DraftCapture;
import org.relohelp.chat.Button;
import org.relohelp.chat.ButtonResult;
import org.relohelp.chat.Incoming;
import org.relohelp.chat.Language;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.relohelp.handoff.RefugeeDesk;
import org.relohelp.handoff.Roles;
import org.relohelp.handoff.Roster;
import org.relohelp.handoff.VolunteerDesk;
import org.relohelp.knowledge.Answers;
import org.relohelp.stay.ReminderDesk;
import org.relohelp.stay.StayDesk;
import org.relohelp.stay.StayStep;
import org.relohelp.users.Forgetting;
import org.relohelp.users.Muting;
import org.relohelp.chat.Profile;
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
 * Turns updates into plain calls on the features and their replies into messages. In a private chat a
 * message is a command, part of a handoff (a volunteer's answer, a refugee's ticket), or a question for the
 * knowledge base, in that order. In the volunteers' group only commands count; other groups get silence.
 */
@Component
class UpdateRouter {

    private static final Logger log = LoggerFactory.getLogger(UpdateRouter.class);

    private final Profiles profiles;
    private final Welcome welcome;
    private final Answers answers;
    private final RefugeeDesk refugees;
    private final VolunteerDesk volunteers;
    private final Roster roster;
    private final Roles roles;
    private final StayDesk stay;
    private final StayStep stayStep;
    private final ReminderDesk reminders;
    private final Forgetting forgetting;
    private final OutboundSender sender;
    private final Texts texts;
    private final FloodGuard flood;
    private final AdminDesk admin;
    private final DraftCapture draftCapture;
    private final Muting muting;

    UpdateRouter(Profiles profiles, Welcome welcome, Answers answers, RefugeeDesk refugees, VolunteerDesk volunteers,
                 Roster roster, Roles roles, StayDesk stay, ReminderDesk reminders, Forgetting forgetting,
                 OutboundSender sender, Texts texts, FloodGuard flood, AdminDesk admin, DraftCapture draftCapture,
                 Muting muting, StayStep stayStep) {
        this.admin = admin;
        this.profiles = profiles;
        this.welcome = welcome;
        this.answers = answers;
        this.refugees = refugees;
        this.volunteers = volunteers;
        this.roster = roster;
        this.roles = roles;
        this.stay = stay;
        this.stayStep = stayStep;
        this.reminders = reminders;
        this.forgetting = forgetting;
        this.sender = sender;
        this.texts = texts;
        this.flood = flood;
        this.draftCapture = draftCapture;
        this.muting = muting;
    }

    void handle(Update update) {
        log.debug("Update {}: {}", update.getUpdateId(), UpdateKinds.kind(update));
        if (update.getMyChatMember() != null) {
            var chat = update.getMyChatMember().getChat();
            String status = update.getMyChatMember().getNewChatMember().getStatus();
            boolean joined = status.equals("member") || status.equals("administrator");
            if (joined && !chat.isUserChat() && !roles.isVolunteerGroup(chat.getId())) {
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
        if (!privateChat && !roles.isVolunteerGroup(message.getChatId())) {
            if (message.getChatId() < 0) {
                sender.leave(message.getChatId());
            }
            return;
        }
        FloodGuard.Verdict verdict = flood.check(from.getId());
        // volunteers and admins answer many people at once; the limit protects them, it must not silence them
        if (verdict != FloodGuard.Verdict.PASS && !roles.isAdmin(from.getId()) && !roles.isVolunteer(from.getId())) {
            if (verdict == FloodGuard.Verdict.WARN) {
                send(message.getChatId(), Reply.text(texts.get(Language.fromTelegramCode(from.getLanguageCode()),
                        "input.slow-down")));
            }
            return;
        }
        Incoming in = UpdateKinds.incoming(message, false);
        Profile profile = profiles.touch(from.getId(), from.getLanguageCode());
        if (in.isCommand()) {
            send(in.chatId(), command(profile, in, privateChat));
        } else if (privateChat) {
            send(in.chatId(), conversation(profile, in));
        }
    }

    private Reply conversation(Profile profile, Incoming in) {
        // an admin's pending draft edit comes first: an admin who is also a volunteer must not relay it to a refugee
        Optional<Reply> handled = admin.onMessage(profile, in)
                .or(() -> volunteers.onMessage(profile.userId(), in))
                .or(() -> stayStep.answer(profile, in))
                .or(() -> refugees.onMessage(profile, in));
        if (handled.isPresent()) {
            return handled.get();
        }
        if (!in.isText()) {
            return Reply.text(texts.get(profile.language(), "input.not-text"));
        }
        Optional<Reply> count = stay.onQuestion(profile, in.text());
        if (count.isPresent()) {
            return count.get();
        }
        Reply answer = sender.typingWhile(in.chatId(), () -> answers.answer(profile.userId(), in.text(),
                profile.knownCountry(), profile.language()));
        // a question asked in the middle of a /stay count: answered, then the count is offered again
        Optional<Reply> reoffer = stayStep.reoffer(profile);
        if (reoffer.isEmpty()) {
            return answer;
        }
        send(in.chatId(), answer);
        return reoffer.get();
    }

    private Reply command(Profile profile, Incoming in, boolean privateChat) {
        String[] parts = in.text().substring(1).split("\\s+", 2);
        String command = parts[0].split("@", 2)[0].toLowerCase(Locale.ROOT);
        String argument = parts.length > 1 ? parts[1].strip() : "";
        long user = profile.userId();
        if (!privateChat && !command.matches("queue|take|mine|help")) {
            return Reply.NOTHING;
        }
        if (privateChat && !command.matches("cancel|stay|privacy")) { // /privacy only looks: it lists the count too
            stayStep.leave(profile).ifPresent(notice -> send(in.chatId(), notice)); // a command ends a /stay count
        }
        return switch (command) {
            case "start" -> roster.isInvite(argument) ? roster.redeem(user, argument) : welcome.start(profile);
            case "help" -> welcome.help(profile);
            case "country" -> welcome.chooseCountry(profile);
            case "lang", "language" -> welcome.chooseLanguage(profile);
            case "human" -> refugees.requestHuman(profile, null);
            case "stay" -> stay.start(profile, argument);
            case "reminders" -> reminders.list(profile);
            case "privacy" -> forgetting.privacy(profile);
            case "forget" -> forgetting.ask(profile);
            case "cancel" -> stayStep.cancel(profile).orElseGet(() -> refugees.cancel(profile));
            case "skip" -> refugees.skip(profile);
            case "mute" -> muting.mute(profile);
            case "unmute" -> muting.unmute(profile);
            case "queue", "take", "mine", "switch", "close", "release", "me" ->
                    volunteers.command(user, command, argument);
            case "addvolunteer", "removevolunteer", "invite", "volunteers" -> roster.command(user, command, argument);
            case "savekb" -> draftCapture.save(user, in, profile.language());
            case "admin", "reload", "stats", "gaps", "stale", "drafts", "broadcast" ->
                    admin.command(profile, command, argument);
            default -> Reply.text(texts.get(profile.language(), "command.unknown"));
        };
    }

    private void onEdit(Message message) {
        if (message.getFrom() == null || !message.getChat().isUserChat()) {
            return;
        }
        Incoming edit = UpdateKinds.incoming(message, true);
        refugees.onEdit(edit);
        volunteers.onEdit(edit);
    }

    private void onButton(CallbackQuery button) {
        // presses count towards the same per-person limit as messages; past it, one toast, then silence
        FloodGuard.Verdict verdict = flood.check(button.getFrom().getId());
        if (verdict != FloodGuard.Verdict.PASS && !roles.isAdmin(button.getFrom().getId())
                && !roles.isVolunteer(button.getFrom().getId())) {
            if (verdict == FloodGuard.Verdict.WARN) {
                sender.answerButton(button.getId(), texts.get(Language.fromTelegramCode(
                        button.getFrom().getLanguageCode()), "input.slow-down"));
            }
            return;
        }
        Profile profile = profiles.touch(button.getFrom().getId(), button.getFrom().getLanguageCode());
        String action = button.getData() == null ? "" : button.getData();
        Optional<ButtonResult> result = Optional.empty();
        if (welcome.handles(action)) {
            result = welcome.press(profile, action);
        } else if (answers.handles(action)) {
            result = answers.press(profile.userId(), action, profile.language());
        } else if (action.equals(Button.ASK_VOLUNTEER) || action.startsWith(Button.ASK_VOLUNTEER + ":")) {
            String topic = action.contains(":") ? answers.topicOf(action.substring(action.indexOf(':') + 1))
                    .orElse(null) : null;
            stayStep.leave(profile).ifPresent(notice -> send(UpdateKinds.chatId(button), notice));
            result = Optional.of(ButtonResult.message(refugees.requestHuman(profile, topic)));
        } else if (volunteers.handles(action)) {
            result = volunteers.press(profile.userId(), action);
        } else if (refugees.handles(action)) {
            result = refugees.press(profile, action);
        } else if (stay.handles(action)) {
            result = stay.press(profile, action);
        } else if (reminders.handles(action)) {
            result = reminders.press(profile, action);
        } else if (forgetting.handles(action)) {
            result = forgetting.press(profile, action);
        } else if (admin.handles(action)) {
            result = admin.press(profile, action);
        }
        ButtonResult outcome = result.orElseGet(() -> ButtonResult.toast(texts.get(profile.language(), "button.stale")));
        sender.answerButton(button.getId(), outcome.toast());
        long chatId = UpdateKinds.chatId(button);
        if (outcome.replacePressed() != null && button.getMessage() != null) {
            sender.edit(chatId, button.getMessage().getMessageId(), outcome.replacePressed());
        }
        if (outcome.newMessage() != null) {
            send(chatId, outcome.newMessage());
            if (answers.handles(action)) {
                stayStep.reoffer(profile).ifPresent(line -> send(chatId, line)); // an article read during a count
            }
        }
    }

    private void send(long chatId, Reply reply) {
        if (!reply.isNothing()) {
            sender.send(chatId, reply);
        }
    }
}
