package org.relohelp.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relohelp.emulator.BotRights.Right;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.forum.CloseForumTopic;
import org.telegram.telegrambots.meta.api.methods.forum.CreateForumTopic;
import org.telegram.telegrambots.meta.api.methods.forum.DeleteForumTopic;
import org.telegram.telegrambots.meta.api.methods.forum.EditForumTopic;
import org.telegram.telegrambots.meta.api.methods.forum.ReopenForumTopic;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The emulator refuses what Telegram refuses, checked against Telegram's description of the Bot API: with the real
 * telegrambots client, and with raw JSON, form and multipart requests for what the client would not send.
 */
class BotApiConformanceTest {

    private static final String TOKEN = "999:conformance-test";
    private final BotApiEmulator telegram = BotApiEmulator.start(TOKEN, 0);
    private final OkHttpTelegramClient client = new OkHttpTelegramClient(TOKEN, url(telegram));
    private final HttpClient http = HttpClient.newHttpClient();
    private final EmulatedUser user = new EmulatedUser(5_555_555_555L, "Ann", "ru");
    private final String chat = String.valueOf(user.id());
    private static final long GROUP = -1_009_999_000_002L;
    private static final String FORUM = String.valueOf(GROUP);

    @BeforeEach
    void openChat() {
        telegram.openChat(user.id());
    }

    @AfterEach
    void stop() {
        telegram.close();
    }

    @Test
    void anUnknownMethodIsNotFoundAndADocumentedOneTheEmulatorLacksSaysSo() throws Exception {
        assertThat(json("sendTelepathy", "{}")).isEqualTo(refusal(404, "Not Found: method not found"));
        assertThat(json("SENDDICE", "{\"chat_id\":" + chat + "}")).isEqualTo(refusal(400,
                "Bad Request: sendDice is a Bot API method the emulator does not implement"));
    }

    @Test
    void anUnknownParameterIsRefusedAndTheRemovedDisableWebPagePreviewIsOne() throws Exception {
        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(user.id()).text("x")
                .disableWebPagePreview(true).build()))
                .isInstanceOf(TelegramApiRequestException.class)
                .hasMessageContaining("Bad Request: unknown parameter \"disable_web_page_preview\" of method sendMessage");
        client.execute(SendMessage.builder().chatId(user.id()).text("x")
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build()).build());
        assertThat(json("sendMessage", "{\"chat_id\":" + chat + ",\"text\":\"x\",\"txet\":\"y\"}"))
                .isEqualTo(refusal(400, "Bad Request: unknown parameter \"txet\" of method sendMessage"));
        assertThat(telegram.botMessages(user.id())).extracting(BotMessage::text).containsExactly("x");
        assertThat(telegram.refusals()).containsExactly(
                "sendMessage: Bad Request: unknown parameter \"disable_web_page_preview\" of method sendMessage",
                "sendMessage: Bad Request: unknown parameter \"txet\" of method sendMessage");
    }

    @Test
    void aMissingRequiredParameterIsRefusedWithTelegramsWords() throws Exception {
        assertThat(json("sendMessage", "{\"text\":\"x\"}")).isEqualTo(refusal(400, "Bad Request: chat_id is empty"));
        assertThat(json("sendMessage", "{\"chat_id\":" + chat + "}"))
                .isEqualTo(refusal(400, "Bad Request: message text is empty"));
        assertThat(form("sendMessage", Map.of("chat_id", chat, "text", "")))
                .isEqualTo(refusal(400, "Bad Request: message text is empty"));
        assertThat(json("answerCallbackQuery", "{\"text\":\"x\"}"))
                .isEqualTo(refusal(400, "Bad Request: parameter \"callback_query_id\" is required"));
        assertThat(json("sendPhoto", "{\"chat_id\":" + chat + "}"))
                .isEqualTo(refusal(400, "Bad Request: there is no photo in the request"));
    }

    @Test
    void valuesMustHaveTheDocumentedTypeReadAsTelegramReadsThem() throws Exception {
        int sent = client.execute(SendMessage.builder().chatId(user.id()).text("one").build()).getMessageId();
        // top-level parameters travel as text: "123" is an Integer, "true" a Boolean, chat_id Integer or String
        assertThat(form("editMessageText", Map.of("chat_id", chat, "message_id", String.valueOf(sent), "text", "two"))
                .path("ok").asBoolean()).isTrue();
        assertThat(json("sendMessage", "{\"chat_id\":\"" + chat + "\",\"text\":\"x\",\"disable_notification\":\"true\"}")
                .path("ok").asBoolean()).isTrue();
        assertThat(form("editMessageText", Map.of("chat_id", chat, "message_id", "first", "text", "three")))
                .isEqualTo(refusal(400, "Bad Request: parameter \"message_id\" must be of type Integer"));
        assertThat(json("sendMessage", "{\"chat_id\":" + chat + ",\"text\":\"x\",\"protect_content\":\"maybe\"}"))
                .isEqualTo(refusal(400, "Bad Request: parameter \"protect_content\" must be of type Boolean"));
        assertThat(json("sendMessage", "{\"chat_id\":true,\"text\":\"x\"}"))
                .isEqualTo(refusal(400, "Bad Request: parameter \"chat_id\" must be of type Integer or String"));
        assertThat(json("sendMessage", "{\"chat_id\":" + chat + ",\"text\":{\"a\":1}}"))
                .isEqualTo(refusal(400, "Bad Request: parameter \"text\" must be of type String"));
        assertThat(json("sendLocation", "{\"chat_id\":" + chat + ",\"latitude\":\"north\",\"longitude\":1.5}"))
                .isEqualTo(refusal(400, "Bad Request: parameter \"latitude\" must be of type Float"));
        assertThat(json("setMyCommands", "{\"commands\":{\"command\":\"start\",\"description\":\"Start\"}}"))
                .isEqualTo(refusal(400, "Bad Request: parameter \"commands\" must be of type Array of BotCommand"));
        assertThat(form("setMyCommands", Map.of("commands", "start - Start")))
                .isEqualTo(refusal(400, "Bad Request: can't parse commands JSON object"));
        assertThat(form("sendChatAction", Map.of("chat_id", chat, "action", "Typing")).path("ok").asBoolean()).isTrue();
        assertThat(form("sendChatAction", Map.of("chat_id", chat, "action", "thinking")))
                .isEqualTo(refusal(400, "Bad Request: wrong parameter action in request"));
    }

    @Test
    void nestedObjectsAreCheckedFieldByFieldAsTelegramDoes() throws Exception {
        String ok = "{\"inline_keyboard\":[[{\"text\":\"Yes\",\"callback_data\":\"y\"},{\"text\":\"Site\","
                + "\"url\":\"https://example.org\"}]]}";
        // in a form body the markup is JSON-serialized text, in a JSON body an object
        assertThat(form("sendMessage", Map.of("chat_id", chat, "text", "a", "reply_markup", ok)).path("ok").asBoolean())
                .isTrue();
        assertThat(json("sendMessage", "{\"chat_id\":" + chat + ",\"text\":\"b\",\"reply_markup\":" + ok + "}")
                .path("ok").asBoolean()).isTrue();
        assertThat(telegram.botMessages(user.id()).get(1).allButtons()).extracting(BotMessage.InlineButton::text)
                .containsExactly("Yes", "Site");
        assertThat(markup("{bad")).isEqualTo(refusal(400, "Bad Request: can't parse reply keyboard markup JSON object"));
        assertThat(markup("{\"inline_keyboard\":[[{\"text\":true,\"callback_data\":\"y\"}]]}")).isEqualTo(refusal(400,
                "Bad Request: can't parse inline keyboard button: Field \"text\" must be of type String"));
        assertThat(markup("{\"inline_keyboard\":[[{\"callback_data\":\"y\"}]]}"))
                .isEqualTo(refusal(400, "Bad Request: can't parse inline keyboard button: Can't find field \"text\""));
        assertThat(markup("{\"inline_keyboard\":[[{\"text\":\"Yes\"}]]}")).isEqualTo(refusal(400,
                "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"));
        assertThat(markup("{\"inline_keyboard\":[[{\"text\":\"Yes\",\"callback\":\"y\"}]]}")).isEqualTo(refusal(400,
                "Bad Request: can't parse inline keyboard button: Field \"callback\" is not a field of "
                        + "InlineKeyboardButton"));
        assertThat(markup("{\"inline_keyboard\":[{\"text\":\"Yes\",\"callback_data\":\"y\"}]}")).isEqualTo(refusal(400,
                "Bad Request: can't parse InlineKeyboardMarkup: Field \"inline_keyboard\" must be of type Array"));
        // the other members of the reply_markup union
        assertThat(markup("{\"remove_keyboard\":true}").path("ok").asBoolean()).isTrue();
        assertThat(markup("{\"remove_keyboard\":\"yes\"}")).isEqualTo(refusal(400,
                "Bad Request: can't parse ReplyKeyboardRemove: Field \"remove_keyboard\" must be of type Boolean"));
    }

    @Test
    void unionsAreCheckedByTheMemberTheirTypeNames() throws Exception {
        client.execute(SetMyCommands.builder().command(new BotCommand("start", "Start"))
                .scope(new BotCommandScopeChat(chat)).build());
        assertThat(json("setMyCommands", "{\"commands\":[{\"command\":\"start\",\"description\":\"Start\"}],"
                + "\"scope\":{\"type\":\"chat\"}}")).isEqualTo(refusal(400,
                "Bad Request: can't parse BotCommandScopeChat: Can't find field \"chat_id\""));
        assertThat(json("setMyCommands", "{\"commands\":[{\"command\":\"start\",\"description\":\"Start\"}],"
                + "\"scope\":{\"type\":\"everywhere\"}}")).isEqualTo(refusal(400,
                "Bad Request: can't parse BotCommandScope: unsupported BotCommandScope type \"everywhere\""));
    }

    @Test
    void uploadsMustBeInTheRequestAndNothingElseMayBe() throws Exception {
        assertThat(multipart("sendDocument", Map.of("chat_id", chat, "document", "attach://file1"),
                Map.of("file1", "rules.pdf")).path("ok").asBoolean()).isTrue();
        assertThat(multipart("sendDocument", Map.of("chat_id", chat), Map.of("document", "rules.pdf"))
                .path("ok").asBoolean()).isTrue();
        assertThat(multipart("sendDocument", Map.of("chat_id", chat, "document", "attach://file2"),
                Map.of("file1", "rules.pdf"))).isEqualTo(refusal(400, "Bad Request: there is no document in the request"));
        assertThat(multipart("sendDocument", Map.of("chat_id", chat), Map.of("document", "rules.pdf",
                "extra", "more.pdf"))).isEqualTo(refusal(400, "Bad Request: unknown parameter \"extra\" of method "
                + "sendDocument"));
        assertThat(multipart("sendDocument", Map.of("chat_id", chat, "document", "attach://file1"),
                Map.of("file1", "rules.pdf", "caption", "notes.txt"))).isEqualTo(refusal(400,
                "Bad Request: parameter \"caption\" must be of type String, not a file"));
        assertThat(telegram.botMessages(user.id())).extracting(BotMessage::media).containsExactly("document", "document");
    }

    @Test
    void textsMayNotExceedTheirDocumentedLengthsAfterEntityParsing() throws Exception {
        client.execute(SendMessage.builder().chatId(user.id()).text("x".repeat(4096)).build());
        client.execute(SendMessage.builder().chatId(user.id()).text("<b>" + "x".repeat(4096) + "</b>")
                .parseMode("HTML").build());
        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(user.id()).text("x".repeat(4097))
                .build())).hasMessageContaining("Bad Request: message is too long");
        assertThat(json("sendMessage", "{\"chat_id\":" + chat + ",\"text\":\" \\n \"}"))
                .isEqualTo(refusal(400, "Bad Request: message text is empty"));
        assertThat(json("sendMessage", "{\"chat_id\":" + chat + ",\"text\":\"<b> </b>\",\"parse_mode\":\"HTML\"}"))
                .isEqualTo(refusal(400, "Bad Request: message text is empty"));
        int photo = telegram.sendPhoto(user, user.id(), new byte[]{1}, "a.jpg", "");
        assertThat(json("copyMessage", "{\"chat_id\":" + chat + ",\"from_chat_id\":" + chat + ",\"message_id\":"
                + photo + ",\"caption\":\"" + "я".repeat(1025) + "\"}"))
                .isEqualTo(refusal(400, "Bad Request: message caption is too long"));
        // callback_data counts bytes: 32 Cyrillic letters are 64, 33 are 66
        assertThat(markup("{\"inline_keyboard\":[[{\"text\":\"A\",\"callback_data\":\"" + "я".repeat(32) + "\"}]]}")
                .path("ok").asBoolean()).isTrue();
        assertThat(markup("{\"inline_keyboard\":[[{\"text\":\"A\",\"callback_data\":\"" + "я".repeat(33) + "\"}]]}"))
                .isEqualTo(refusal(400, "Bad Request: BUTTON_DATA_INVALID"));
        assertThat(json("setMyCommands", "{\"commands\":[{\"command\":\"Start\",\"description\":\"Start\"}]}"))
                .isEqualTo(refusal(400, "Bad Request: BOT_COMMAND_INVALID"));
        assertThat(json("setMyCommands", "{\"commands\":[{\"command\":\"start\",\"description\":\""
                + "d".repeat(257) + "\"}]}")).isEqualTo(refusal(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID"));
        assertThat(form("setMyDescription", Map.of("description", "d".repeat(513)))).isEqualTo(refusal(400,
                "Bad Request: parameter \"description\" must be 0-512 characters long after entities parsing"));
    }

    @Test
    void aButtonAnswerIsAtMost200Characters() throws Exception {
        client.execute(SendMessage.builder().chatId(user.id()).text("?").replyMarkup(InlineKeyboardMarkup.builder()
                .keyboardRow(new InlineKeyboardRow(InlineKeyboardButton.builder().text("Go").callbackData("go").build()))
                .build()).build());
        BotMessage message = telegram.awaitBotMessages(user.id(), 1, Duration.ofSeconds(2)).get(0);
        String tooLong = telegram.press(user, message, "go");
        assertThat(json("answerCallbackQuery", "{\"callback_query_id\":\"" + tooLong + "\",\"text\":\""
                + "t".repeat(201) + "\"}")).isEqualTo(refusal(400, "Bad Request: MESSAGE_TOO_LONG"));
        client.execute(AnswerCallbackQuery.builder().callbackQueryId(tooLong).text("t".repeat(200)).build());
        assertThat(telegram.awaitCallbackAnswer(tooLong, Duration.ofSeconds(2))).contains("t".repeat(200));
    }

    @Test
    void htmlIsParsedAsTelegramParsesIt() throws Exception {
        String everyTag = "<b>b</b> <strong>s</strong> <i>i</i> <em>e</em> <u>u</u> <ins>n</ins> <s>s</s> "
                + "<strike>k</strike> <del>d</del> <span class=\"tg-spoiler\">p</span> <tg-spoiler>t</tg-spoiler> "
                + "<a href=\"https://t.me/?a=1&amp;b=2\">a</a> <code>c</code> <pre><code class=\"language-java\">j"
                + "</code></pre> <blockquote>q</blockquote> <blockquote expandable>x</blockquote> "
                + "<tg-emoji emoji-id=\"5368324170671202286\">👍</tg-emoji> 5 > 3 &amp; &lt;ok&gt; &copy R&D &#169; &#xA9; &#XA9; a&amp-b &ampb";
        client.execute(SendMessage.builder().chatId(user.id()).text(everyTag).parseMode("HTML").build());
        assertThat(telegram.botMessages(user.id()).get(0).text()).isEqualTo("b s i e u n s k d p t a c j q x 👍 "
                + "5 > 3 & <ok> &copy R&D © © &#XA9; a&-b &ampb");
        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(user.id()).text("привет <div>x</div>")
                .parseMode("HTML").build())).isInstanceOf(TelegramApiRequestException.class).hasMessageContaining(
                "Bad Request: can't parse entities: Unsupported start tag \"div\" at byte offset 13");
        assertThat(html("<span>x</span>")).isEqualTo(refusal(400,
                "Bad Request: can't parse entities: Tag \"span\" must have class \"tg-spoiler\" at byte offset 0"));
        assertThat(html("<b>x</i>")).isEqualTo(refusal(400, "Bad Request: can't parse entities: Unmatched end tag at "
                + "byte offset 4, expected \"</b>\", found \"</i>\""));
        assertThat(html("<b>x</B>")).isEqualTo(refusal(400, "Bad Request: can't parse entities: Unmatched end tag at "
                + "byte offset 4, expected \"</b>\", found \"</B>\""));
        assertThat(html("<b>x")).isEqualTo(refusal(400,
                "Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\""));
        assertThat(html("x</b>")).isEqualTo(refusal(400,
                "Bad Request: can't parse entities: Unexpected end tag at byte offset 1"));
        assertThat(html("a <b")).isEqualTo(refusal(400,
                "Bad Request: can't parse entities: Unclosed start tag at byte offset 2"));
        assertThat(json("sendMessage", "{\"chat_id\":" + chat + ",\"text\":\"x\",\"parse_mode\":\"HTM\"}"))
                .isEqualTo(refusal(400, "Bad Request: unsupported parse_mode"));
        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(42L).text("x").build()))
                .hasMessageContaining("Bad Request: chat not found");
    }

    // --- forums ------------------------------------------------------------------------------------------------

    @Test
    void creatingATopicNeedsAForumAndTheRightToManageTopics() throws Exception {
        telegram.openChat(GROUP);
        assertThatThrownBy(() -> client.execute(CreateForumTopic.builder().chatId(GROUP).name("Ticket").build()))
                .isInstanceOf(TelegramApiRequestException.class)
                .hasMessageContaining("Bad Request: the chat is not a forum");
        assertThat(json("createForumTopic", "{\"chat_id\":" + chat + ",\"name\":\"x\"}"))
                .isEqualTo(refusal(400, "Bad Request: the chat is not a forum"));
        telegram.makeForum(GROUP);
        assertThatThrownBy(() -> client.execute(CreateForumTopic.builder().chatId(GROUP).name("Ticket").build()))
                .hasMessageContaining("Bad Request: not enough rights to create a topic");
        telegram.setBotRights(GROUP, BotRights.administrator(Right.DELETE_MESSAGES, Right.PIN_MESSAGES));
        assertThatThrownBy(() -> client.execute(CreateForumTopic.builder().chatId(GROUP).name("Ticket").build()))
                .hasMessageContaining("Bad Request: not enough rights to create a topic");
        telegram.setBotRights(GROUP, BotRights.administrator(Right.MANAGE_TOPICS));
        assertThat(client.execute(CreateForumTopic.builder().chatId(GROUP).name("Ticket").build()).getName())
                .isEqualTo("Ticket");
        assertThat(telegram.refusals()).containsExactly(
                "createForumTopic: Bad Request: the chat is not a forum",
                "createForumTopic: Bad Request: the chat is not a forum",
                "createForumTopic: Bad Request: not enough rights to create a topic",
                "createForumTopic: Bad Request: not enough rights to create a topic");
    }

    @Test
    void aTopicsNameIsCleanedAndCutAsTelegramDoesAndItsColourIsOneOfTelegrams() throws Exception {
        forum(BotRights.administrator(Right.MANAGE_TOPICS));
        // the client refuses these names itself, so they travel raw
        assertThat(json("createForumTopic", "{\"chat_id\":" + FORUM + "}"))
                .isEqualTo(refusal(400, "Bad Request: name must be non-empty"));
        assertThat(json("createForumTopic", "{\"chat_id\":" + FORUM + ",\"name\":\" \\n\\u2003 \"}"))
                .isEqualTo(refusal(400, "Bad Request: name must be non-empty"));
        JsonNode long_ = json("createForumTopic", "{\"chat_id\":" + FORUM + ",\"name\":\"" + "я".repeat(200) + "\"}");
        assertThat(long_.path("result").path("name").asText()).isEqualTo("я".repeat(128));
        JsonNode spaced = form("createForumTopic", Map.of("chat_id", FORUM, "name", "  Ticket \n\n  #5  "));
        assertThat(spaced.path("result").path("name").asText()).isEqualTo("Ticket #5");
        assertThat(form("createForumTopic", Map.of("chat_id", FORUM, "name", "x", "icon_color", "16777215")))
                .isEqualTo(refusal(400, "Bad Request: invalid icon color specified"));
        assertThat(form("createForumTopic", Map.of("chat_id", FORUM, "name", "x", "icon_color", "red")))
                .isEqualTo(refusal(400, "Bad Request: parameter \"icon_color\" must be of type Integer"));
        assertThat(form("createForumTopic", Map.of("chat_id", FORUM, "name", "x", "colour", "7322096")))
                .isEqualTo(refusal(400, "Bad Request: unknown parameter \"colour\" of method createForumTopic"));
        for (int color : new int[]{7322096, 16766590, 13338331, 9367192, 16749490, 16478047}) {
            assertThat(client.execute(CreateForumTopic.builder().chatId(GROUP).name("c").iconColor(color).build())
                    .getIconColor()).isEqualTo(color);
        }
    }

    @Test
    void aMessageMayNameOnlyATopicThatIsThereAndOpen() throws Exception {
        forum(BotRights.MEMBER);
        telegram.openChat(-1_009_999_000_003L);
        int thread = telegram.createTopic(user, GROUP, "Housing");
        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(GROUP).messageThreadId(999).text("x")
                .build())).hasMessageContaining("Bad Request: message thread not found");
        // General is written to without a thread id; naming it is refused, as Telegram does
        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(GROUP)
                .messageThreadId(BotApiEmulator.GENERAL_TOPIC).text("x").build()))
                .hasMessageContaining("Bad Request: message thread not found");
        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(user.id()).messageThreadId(thread)
                .text("x").build())).hasMessageContaining("Bad Request: message thread not found");
        // outside forums Telegram ignores the thread
        assertThat(client.execute(SendMessage.builder().chatId(-1_009_999_000_003L).messageThreadId(thread).text("x")
                .build()).getMessageThreadId()).isNull();
        int photo = telegram.sendPhoto(user, user.id(), new byte[]{1}, "p.jpg", "");
        assertThatThrownBy(() -> client.execute(CopyMessage.builder().chatId(GROUP).messageThreadId(999)
                .fromChatId(user.id()).messageId(photo).build()))
                .hasMessageContaining("Bad Request: message thread not found");
        assertThatThrownBy(() -> client.execute(SendPhoto.builder().chatId(GROUP).messageThreadId(999)
                .photo(new InputFile(new java.io.ByteArrayInputStream(new byte[]{1}), "a.jpg")).build()))
                .hasMessageContaining("Bad Request: message thread not found");

        telegram.closeTopic(user, GROUP, thread);
        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(GROUP).messageThreadId(thread)
                .text("x").build())).hasMessageContaining("Bad Request: TOPIC_CLOSED");
        telegram.setBotRights(GROUP, BotRights.administrator(Right.MANAGE_TOPICS));
        assertThat(client.execute(SendMessage.builder().chatId(GROUP).messageThreadId(thread).text("admins may")
                .build()).getMessageThreadId()).isEqualTo(thread);
        telegram.setBotRights(GROUP, BotRights.administrator(Right.DELETE_MESSAGES));
        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(GROUP).messageThreadId(thread)
                .text("x").build())).hasMessageContaining("Bad Request: TOPIC_CLOSED");
        telegram.closeTopic(user, GROUP, BotApiEmulator.GENERAL_TOPIC);
        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(GROUP).text("x").build()))
                .hasMessageContaining("Bad Request: TOPIC_CLOSED");
        telegram.deleteTopic(user, GROUP, thread);
        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(GROUP).messageThreadId(thread)
                .text("x").build())).hasMessageContaining("Bad Request: message thread not found");
        // nothing refused arrived anywhere, and the one message taken went with its topic
        assertThat(telegram.botMessages(GROUP)).isEmpty();
    }

    @Test
    void managingATopicNeedsItsRightUnlessTheBotCreatedIt() throws Exception {
        forum(BotRights.administrator(Right.MANAGE_TOPICS));
        int own = client.execute(CreateForumTopic.builder().chatId(GROUP).name("Mine").build()).getMessageThreadId();
        int theirs = telegram.createTopic(user, GROUP, "Theirs");
        telegram.setBotRights(GROUP, BotRights.MEMBER);
        assertThatThrownBy(() -> client.execute(CloseForumTopic.builder().chatId(GROUP).messageThreadId(theirs)
                .build())).hasMessageContaining("Bad Request: not enough rights to close or open the topic");
        assertThatThrownBy(() -> client.execute(EditForumTopic.builder().chatId(GROUP).messageThreadId(theirs)
                .name("Renamed").build())).hasMessageContaining("Bad Request: not enough rights to edit the topic");
        assertThatThrownBy(() -> client.execute(DeleteForumTopic.builder().chatId(GROUP).messageThreadId(theirs)
                .build())).hasMessageContaining("Bad Request: not enough rights to delete the topic");
        assertThat(form("closeGeneralForumTopic", Map.of("chat_id", FORUM)))
                .isEqualTo(refusal(400, "Bad Request: not enough rights to close or open the topic"));
        // its own topic the bot may manage without rights
        assertThat(client.execute(CloseForumTopic.builder().chatId(GROUP).messageThreadId(own).build())).isTrue();
        assertThat(client.execute(SendMessage.builder().chatId(GROUP).messageThreadId(own).text("still mine")
                .build()).getMessageThreadId()).isEqualTo(own);
        assertThatThrownBy(() -> client.execute(CloseForumTopic.builder().chatId(GROUP).messageThreadId(own)
                .build())).hasMessageContaining("Bad Request: TOPIC_NOT_MODIFIED");
        assertThat(client.execute(ReopenForumTopic.builder().chatId(GROUP).messageThreadId(own).build())).isTrue();
        assertThatThrownBy(() -> client.execute(ReopenForumTopic.builder().chatId(GROUP).messageThreadId(own)
                .build())).hasMessageContaining("Bad Request: TOPIC_NOT_MODIFIED");
        assertThatThrownBy(() -> client.execute(EditForumTopic.builder().chatId(GROUP).messageThreadId(own)
                .name("Mine").build())).hasMessageContaining("Bad Request: TOPIC_NOT_MODIFIED");
        assertThat(client.execute(DeleteForumTopic.builder().chatId(GROUP).messageThreadId(own).build())).isTrue();
        // deleting needs can_delete_messages, not can_manage_topics
        telegram.setBotRights(GROUP, BotRights.administrator(Right.MANAGE_TOPICS));
        assertThat(client.execute(CloseForumTopic.builder().chatId(GROUP).messageThreadId(theirs).build())).isTrue();
        assertThatThrownBy(() -> client.execute(DeleteForumTopic.builder().chatId(GROUP).messageThreadId(theirs)
                .build())).hasMessageContaining("Bad Request: not enough rights to delete the topic");
        telegram.setBotRights(GROUP, BotRights.administrator(Right.DELETE_MESSAGES));
        assertThat(client.execute(DeleteForumTopic.builder().chatId(GROUP).messageThreadId(theirs).build())).isTrue();
        // a topic that is not there, or was deleted, or an id no topic can have
        for (int gone : new int[]{own, theirs, 999}) {
            assertThat(form("closeForumTopic", Map.of("chat_id", FORUM, "message_thread_id", String.valueOf(gone))))
                    .isEqualTo(refusal(400, "Bad Request: TOPIC_ID_INVALID"));
        }
        assertThat(form("deleteForumTopic", Map.of("chat_id", FORUM, "message_thread_id", "0")))
                .isEqualTo(refusal(400, "Bad Request: invalid forum topic identifier specified"));
        assertThat(form("deleteForumTopic", Map.of("chat_id", FORUM, "message_thread_id", "1")))
                .isEqualTo(refusal(400, "Bad Request: TOPIC_ID_INVALID"));
        assertThat(form("closeForumTopic", Map.of("chat_id", FORUM))).isEqualTo(refusal(400,
                "Bad Request: parameter \"message_thread_id\" is required"));
        assertThat(form("reopenForumTopic", Map.of("chat_id", chat, "message_thread_id", "5")))
                .isEqualTo(refusal(400, "Bad Request: the chat is not a forum"));
    }

    @Test
    void getChatMemberAnswersForTheBotAndForPeopleItHasSeen() throws Exception {
        forum(BotRights.MEMBER);
        assertThatThrownBy(() -> client.execute(GetChatMember.builder().chatId(GROUP).userId(42L).build()))
                .hasMessageContaining("Bad Request: user not found");
        assertThat(form("getChatMember", Map.of("chat_id", FORUM, "user_id", "0")))
                .isEqualTo(refusal(400, "Bad Request: invalid user_id specified"));
        telegram.sendText(user, user.id(), "hi");
        assertThat(client.execute(GetChatMember.builder().chatId(GROUP).userId(user.id()).build()).getStatus())
                .isEqualTo("left");
        assertThat(client.execute(GetChatMember.builder().chatId(user.id()).userId(user.id()).build()).getStatus())
                .isEqualTo("member");
    }

    @Test
    void theEmulatorsAnswersHaveTheTypesTheDescriptionGives() throws Exception {
        forum(BotRights.MEMBER);
        telegram.sendText(user, user.id(), "hi");
        int thread = telegram.createTopic(user, GROUP, "Ticket #1");
        telegram.sendText(user, GROUP, thread, "question");
        int question = telegram.sendText(user, GROUP, "in General");
        telegram.sendReply(user, GROUP, question, "a reply");
        telegram.closeTopic(user, GROUP, thread);
        telegram.reopenTopic(user, GROUP, thread);
        assertFitsTheDescription("getMe", "{}");
        assertFitsTheDescription("getChat", "{\"chat_id\":" + FORUM + "}");
        assertFitsTheDescription("getChat", "{\"chat_id\":" + chat + "}");
        assertFitsTheDescription("getChatMember", "{\"chat_id\":" + FORUM + ",\"user_id\":" + BotApiMethods.BOT_ID + "}");
        assertFitsTheDescription("getChatMember", "{\"chat_id\":" + FORUM + ",\"user_id\":" + user.id() + "}");
        telegram.setBotRights(GROUP, BotRights.administrator(Right.MANAGE_TOPICS, Right.DELETE_MESSAGES));
        assertFitsTheDescription("getChatMember", "{\"chat_id\":" + FORUM + ",\"user_id\":" + BotApiMethods.BOT_ID + "}");
        assertFitsTheDescription("getForumTopicIconStickers", "{}");
        JsonNode created = assertFitsTheDescription("createForumTopic", "{\"chat_id\":" + FORUM
                + ",\"name\":\"Ticket #2\",\"icon_custom_emoji_id\":\"5312536423851630001\"}");
        int own = created.path("message_thread_id").asInt();
        assertFitsTheDescription("sendMessage", "{\"chat_id\":" + FORUM + ",\"message_thread_id\":" + own
                + ",\"text\":\"answer\",\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"Ok\","
                + "\"callback_data\":\"ok\"}]]}}");
        assertFitsTheDescription("copyMessage", "{\"chat_id\":" + FORUM + ",\"message_thread_id\":" + own
                + ",\"from_chat_id\":" + FORUM + ",\"message_id\":" + question + "}");
        assertFitsTheDescription("editForumTopic", "{\"chat_id\":" + FORUM + ",\"message_thread_id\":" + own
                + ",\"name\":\"Ticket #2 (taken)\"}");
        assertFitsTheDescription("deleteForumTopic", "{\"chat_id\":" + FORUM + ",\"message_thread_id\":" + own
                + "}");
        JsonNode updates = assertFitsTheDescription("getUpdates", "{\"timeout\":0}");
        assertThat(updates).hasSize(7);
        // and the check can fail: a topic without its colour is not a ForumTopic
        BotApiSpec spec = BotApiSpec.shared().join();
        JsonNode colourless = BotApiEmulator.JSON.readTree("{\"message_thread_id\":3,\"name\":\"x\"}");
        assertThatThrownBy(() -> new BotApiConformance(spec).checkResult(spec.method("createForumTopic")
                .orElseThrow(), colourless)).hasMessageContaining("Can't find field \"icon_color\"");
    }

    private void forum(BotRights rights) {
        telegram.makeForum(GROUP);
        telegram.setBotRights(GROUP, rights);
    }

    /** Calls a method and checks its result against the type Telegram's description gives it; returns the result. */
    private JsonNode assertFitsTheDescription(String method, String body) throws Exception {
        JsonNode answer = json(method, body);
        assertThat(answer.path("ok").asBoolean()).as(method + ": " + answer).isTrue();
        BotApiSpec spec = BotApiSpec.shared().join();
        new BotApiConformance(spec).checkResult(spec.method(method).orElseThrow(), answer.get("result"));
        return answer.get("result");
    }

    // --- raw requests -----------------------------------------------------------------------------------------

    private JsonNode html(String text) throws Exception {
        return form("sendMessage", Map.of("chat_id", chat, "text", text, "parse_mode", "HTML"));
    }

    private JsonNode markup(String replyMarkup) throws Exception {
        return form("sendMessage", Map.of("chat_id", chat, "text", "m", "reply_markup", replyMarkup));
    }

    private static JsonNode refusal(int code, String description) {
        return BotApiEmulator.JSON.createObjectNode().put("ok", false).put("error_code", code)
                .put("description", description);
    }

    private JsonNode json(String method, String body) throws Exception {
        return send(method, "application/json", HttpRequest.BodyPublishers.ofString(body));
    }

    private JsonNode form(String method, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(method, "application/x-www-form-urlencoded", HttpRequest.BodyPublishers.ofString(body));
    }

    /** A multipart body with text fields and file parts (each a file name, its content the name's bytes). */
    private JsonNode multipart(String method, Map<String, String> fields, Map<String, String> files) throws Exception {
        String boundary = "----relohelp-test-boundary";
        StringBuilder body = new StringBuilder();
        Map<String, String> parts = new LinkedHashMap<>();
        fields.forEach((name, value) -> parts.put("name=\"" + name + "\"", value));
        files.forEach((name, file) -> parts.put("name=\"" + name + "\"; filename=\"" + file + "\"\r\n"
                + "Content-Type: application/octet-stream", file));
        parts.forEach((disposition, content) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; ").append(disposition).append("\r\n\r\n")
                .append(content).append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        return send(method, "multipart/form-data; boundary=" + boundary,
                HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    private JsonNode send(String method, String contentType, HttpRequest.BodyPublisher body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(telegram.url() + "/bot" + TOKEN
                + "/" + method)).header("Content-Type", contentType).POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode answer = BotApiEmulator.JSON.readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(answer.path("ok").asBoolean() ? 200 : answer.path("error_code")
                .asInt());
        return answer;
    }

    private static TelegramUrl url(BotApiEmulator telegram) {
        URI uri = URI.create(telegram.url());
        return new TelegramUrl("http", uri.getHost(), uri.getPort(), false);
    }
}
