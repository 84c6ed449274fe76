package org.relohelp.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.relohelp.emulator.BotApiSpec.Definition;
import org.relohelp.emulator.BotApiSpec.Field;

/**
 * Checks a Bot API call against Telegram's description of the method ({@link BotApiSpec}) and refuses what
 * Telegram refuses, with Telegram's error text where it is known: a parameter or field the method or type does not
 * have, a required one missing, a value of the wrong type (top-level parameters arrive as text in form and
 * multipart bodies, so "123" is an Integer, and JSON-serialized objects and arrays are read), nested objects such
 * as InlineKeyboardMarkup → InlineKeyboardButton field by field, unions by their members, uploads named by
 * {@code attach://}, texts over their documented lengths after entity parsing, and HTML Telegram cannot parse.
 *
 * <p>Stricter than Telegram in one respect, on purpose: Telegram ignores parameters it does not know (and still
 * honours the removed {@code disable_web_page_preview}); here they are refused, so a bot cannot rely on them.
 * Markdown texts are measured as sent (only HTML is parsed). Topic names over 128 characters are not refused here:
 * Telegram cuts them ({@link Forums#cleanName}).
 *
 * <p>{@link #checkResult} checks the other direction, for the emulator's own tests: an answer has the type the
 * description gives the method's result, field by field.
 */
final class BotApiConformance {

    private static final String ATTACH = "attach://";
    /** Fields of InlineKeyboardButton of which a button needs one, or it is a "text button". */
    private static final List<String> BUTTON_ACTIONS = List.of("url", "callback_data", "web_app", "login_url",
            "switch_inline_query", "switch_inline_query_current_chat", "switch_inline_query_chosen_chat",
            "copy_text", "callback_game", "pay");

    private static final Set<String> PRIMITIVES = Set.of("Integer", "Float", "Boolean", "String", "InputFile");
    private static final Set<String> BOOLEAN_TEXTS = Set.of("true", "false", "1", "0");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,19}");
    private static final Pattern BOT_COMMAND = Pattern.compile("[a-z0-9_]*");
    /** Texts that a parse_mode beside them applies to (others have their own {@code <name>_parse_mode}). */
    private static final Set<String> FORMATTED = Set.of("text", "caption", "message_text", "title");
    private static final Set<String> MESSAGE_TEXTS = Set.of("sendMessage.text", "editMessageText.text",
            "InputTextMessageContent.message_text");
    /** Telegram names some types in its messages: "can't parse inline keyboard button: ...". */
    private static final Map<String, String> LABELS = Map.of("InlineKeyboardButton", "inline keyboard button",
            "KeyboardButton", "keyboard button");
    /** Names Telegram cleans and cuts to their limit instead of refusing them (TDLib's clean_name). */
    private static final Set<String> CLEANED = Set.of("createForumTopic.name", "editForumTopic.name",
            "editGeneralForumTopic.name");
    /** sendChatAction's actions: the documented ones and the older names Telegram still takes. */
    private static final Set<String> CHAT_ACTIONS = Set.of("typing", "upload_photo", "record_video", "upload_video",
            "record_voice", "upload_voice", "upload_document", "choose_sticker", "find_location", "record_video_note",
            "upload_video_note", "record_audio", "upload_audio", "pick_up_location", "cancel");

    private final BotApiSpec spec;

    BotApiConformance(BotApiSpec spec) {
        this.spec = spec;
    }

    /**
     * Throws {@link IllegalArgumentException} with Telegram's answer ("Bad Request: ...") when Telegram would refuse
     * the call. {@code uploads} names the multipart parts that carried a file.
     */
    void check(Definition method, ObjectNode params, Set<String> uploads) {
        Context top = new Context(method, params, uploads, true);
        for (Field field : method.fields().values()) {
            JsonNode value = params.get(field.name());
            if (value == null || value.isNull() || value.isTextual() && value.asText().isEmpty()
                    && !uploads.contains(field.name())) {
                if (field.required()) {
                    throw bad(missing(method.name(), field));
                }
                continue;
            }
            checkParameter(top, field, value);
        }
        // last, so that Telegram's own refusals come first
        Set<String> attached = new HashSet<>();
        params.forEach(value -> collectAttachments(value, attached));
        for (Iterator<String> names = params.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            boolean attachedFile = attached.contains(name) && uploads.contains(name);
            if (!method.fields().containsKey(name) && !name.equals("method") && !attachedFile
                    && !params.get(name).isNull()) {
                throw bad("unknown parameter \"" + name + "\" of method " + method.name());
            }
        }
    }

    /**
     * Throws {@link IllegalArgumentException} when a method's result does not have the type Telegram's description
     * gives it: a field the type lacks, a required one missing, a value of the wrong type.
     */
    void checkResult(Definition method, JsonNode result) {
        Field field = new Field("result", method.returns(), true, null, null);
        checkTypes(new Context(method, BotApiEmulator.JSON.createObjectNode(), Set.of(), false), field, result);
    }

    /** Where a value sits: a method's parameters (top level, sent as text) or a JSON object's fields. */
    private record Context(Definition owner, ObjectNode values, Set<String> uploads, boolean topLevel) {
    }

    private void checkParameter(Context top, Field field, JsonNode value) {
        List<String> types = field.types();
        if (types.contains("InputFile") && uploads(top, field, value)) {
            return;
        }
        if (top.uploads().contains(field.name())) {
            throw bad("parameter \"" + field.name() + "\" must be of type " + String.join(" or ", types)
                    + ", not a file");
        }
        try {
            checkTypes(top, field, value);
        } catch (IllegalArgumentException e) {
            JsonNode json = value.isTextual() ? parseOrNull(value.asText()) : value;
            if (types.size() > 1 && types.stream().anyMatch(PRIMITIVES::contains)
                    && (json == null || !json.isContainerNode())) {
                throw bad("parameter \"" + field.name() + "\" must be of type " + String.join(" or ", types));
            }
            throw e;
        }
    }

    /** Fine when the value fits one of the field's types; otherwise the refusal of the type it fits best. */
    private void checkTypes(Context at, Field field, JsonNode value) {
        IllegalArgumentException first = null;
        for (String type : bestFirst(field.types(), value)) {
            try {
                checkValue(at, field, type, value);
                return;
            } catch (IllegalArgumentException e) {
                first = first == null ? e : first;
            }
        }
        throw first;
    }

    /** True for an upload (the part itself, or {@code attach://name} naming a part that carried a file). */
    private static boolean uploads(Context top, Field field, JsonNode value) {
        if (top.uploads().contains(field.name())) {
            return true;
        }
        String text = value.isTextual() ? value.asText() : "";
        if (!text.startsWith(ATTACH)) {
            return false;
        }
        if (!top.uploads().contains(text.substring(ATTACH.length()))) {
            throw bad("there is no " + field.name() + " in the request");
        }
        return true;
    }

    /** Tries the type that best fits the value first, so its error is the one reported. */
    private List<String> bestFirst(List<String> types, JsonNode value) {
        if (types.size() < 2) {
            return types;
        }
        JsonNode json = value.isTextual() ? parseOrNull(value.asText()) : value;
        List<String> ordered = new ArrayList<>(types);
        if (json != null && json.isObject()) {
            ordered.sort((a, b) -> overlap(b, json) - overlap(a, json));
        }
        return ordered;
    }

    private int overlap(String type, JsonNode object) {
        Definition definition = spec.type(type).orElse(null);
        if (definition == null) {
            return -1;
        }
        int shared = 0;
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            shared += definition.fields().containsKey(names.next()) ? 1 : 0;
        }
        return shared;
    }

    /** Checks one value against one type; throws with Telegram's wording when it does not fit. */
    private void checkValue(Context at, Field field, String type, JsonNode value) {
        switch (type) {
            case "Integer" -> require(isInteger(value), at, field, type);
            case "Float" -> require(isFloat(value), at, field, type);
            case "Boolean" -> require(value.isBoolean() || at.topLevel() && isBooleanText(value), at, field, type);
            case "String" -> {
                require(value.isTextual() || value.isNumber(), at, field, type);
                checkText(at, field, value.asText());
            }
            case "InputFile" -> require(false, at, field, type);
            default -> {
                JsonNode json = value;
                if (value.isTextual() && at.topLevel()) {
                    json = parseOrNull(value.asText());
                    if (json == null) {
                        throw bad(field.name().equals("reply_markup") ? "can't parse reply keyboard markup JSON object"
                                : "can't parse " + field.name() + " JSON object");
                    }
                }
                if (type.startsWith("Array of ")) {
                    require(json.isArray(), at, field, type);
                    String element = type.substring("Array of ".length());
                    for (JsonNode item : json) {
                        checkNested(at, field, element, item);
                    }
                } else {
                    checkNested(at, field, type, json);
                }
            }
        }
    }

    /** An element of an array or an object inside a value: read with the JSON rules of nested objects. */
    private void checkNested(Context at, Field field, String type, JsonNode value) {
        Context nested = new Context(at.owner(), at.values(), at.uploads(), false);
        if (type.startsWith("Array of ") || PRIMITIVES.contains(type)) {
            checkValue(nested, field, type, value);
            return;
        }
        Definition definition = spec.type(type)
                .orElseThrow(() -> new IllegalStateException("The Bot API description has no type " + type));
        if (!value.isObject()) {
            throw bad(at.topLevel() ? "parameter \"" + field.name() + "\" must be a JSON-serialized " + type
                    : "can't parse " + label(at.owner().name()) + ": Field \"" + field.name()
                    + "\" must be of type Object");
        }
        if (definition.isUnion()) {
            checkUnion(at, definition, (ObjectNode) value);
        } else {
            checkObject(definition, (ObjectNode) value, at.uploads());
        }
    }

    /** A union (InputMedia, BotCommandScope, ...): the member its discriminator names, or any that fits. */
    private void checkUnion(Context at, Definition union, ObjectNode value) {
        IllegalArgumentException first = null;
        for (String member : union.subtypes()) {
            Definition definition = spec.type(member).orElse(null);
            if (definition == null) {
                continue;
            }
            Field discriminator = definition.fields().values().stream().filter(f -> f.constant() != null)
                    .findFirst().orElse(null);
            if (discriminator != null && !discriminator.constant().equals(value.path(discriminator.name()).asText())) {
                continue;
            }
            try {
                checkObject(definition, value, at.uploads());
                return;
            } catch (IllegalArgumentException e) {
                if (discriminator != null) {
                    throw e;
                }
                first = first == null ? e : first;
            }
        }
        throw first != null ? first : bad("can't parse " + label(union.name()) + ": unsupported "
                + union.name() + " type \"" + value.path("type").asText() + "\"");
    }

    private void checkObject(Definition type, ObjectNode object, Set<String> uploads) {
        String prefix = "can't parse " + label(type.name()) + ": ";
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!type.fields().containsKey(name) && !object.get(name).isNull()) {
                throw bad(prefix + "Field \"" + name + "\" is not a field of " + type.name());
            }
        }
        // as in Telegram, an empty callback_data is none
        if (type.name().equals("InlineKeyboardButton") && BUTTON_ACTIONS.stream().noneMatch(action ->
                object.hasNonNull(action) && !(action.equals("callback_data") && object.get(action).asText().isEmpty()))) {
            throw bad(prefix + "Text buttons are unallowed in the inline keyboard");
        }
        Context inside = new Context(type, object, uploads, false);
        for (Field field : type.fields().values()) {
            JsonNode value = object.get(field.name());
            if (value == null || value.isNull()) {
                if (field.required()) {
                    throw bad(prefix + "Can't find field \"" + field.name() + "\"");
                }
                continue;
            }
            if (field.constant() != null && !field.constant().equals(value.asText())) {
                throw bad(prefix + "Field \"" + field.name() + "\" must be \"" + field.constant() + "\"");
            }
            if (field.types().contains("InputFile") && value.isTextual() && value.asText().startsWith(ATTACH)) {
                if (!uploads.contains(value.asText().substring(ATTACH.length()))) {
                    throw bad(prefix + "file " + value.asText() + " is not in the request");
                }
                continue;
            }
            checkTypes(inside, field, value);
        }
    }

    /** A text within its documented length, counted after entity parsing where a parse mode applies. */
    private static void checkText(Context at, Field field, String text) {
        String parseModeField = parseModeField(at.owner(), field.name());
        String parseMode = parseModeField == null ? "" : at.values().path(parseModeField).asText("")
                .toLowerCase(Locale.ROOT);
        String plain = switch (parseMode) {
            case "html" -> TelegramHtmlCheck.toPlainText(text);
            case "", "none", "markdown", "markdownv2" -> text.strip();
            default -> throw bad("unsupported parse_mode");
        };
        String owner = at.owner().name();
        if (owner.equals("BotCommand") && field.name().equals("command") && !BOT_COMMAND.matcher(text).matches()) {
            throw bad("BOT_COMMAND_INVALID");
        }
        if (owner.equals("sendChatAction") && field.name().equals("action")
                && !CHAT_ACTIONS.contains(text.toLowerCase(Locale.ROOT))) {
            throw bad("wrong parameter action in request");
        }
        BotApiSpec.Limit limit = field.limit();
        if (limit == null || owner.equals("InlineKeyboardButton") && text.isEmpty()
                || CLEANED.contains(owner + "." + field.name())) {
            return;
        }
        int length = limit.bytes() ? text.getBytes(StandardCharsets.UTF_8).length : plain.length();
        if (length < limit.min() || length > limit.max()) {
            throw bad(outOfLimits(at, field, limit, length > limit.max()));
        }
    }

    /** The field whose parse mode applies to a text: {@code <name>_parse_mode}, or parse_mode for texts. */
    private static String parseModeField(Definition owner, String field) {
        if (owner.fields().containsKey(field + "_parse_mode")) {
            return field + "_parse_mode";
        }
        return FORMATTED.contains(field) && owner.fields().containsKey("parse_mode") ? "parse_mode" : null;
    }

    /** Telegram's own words where known. */
    private static String outOfLimits(Context at, Field field, BotApiSpec.Limit limit, boolean tooLong) {
        String where = at.owner().name() + "." + field.name();
        if (MESSAGE_TEXTS.contains(where)) {
            return tooLong ? "message is too long" : "message text is empty";
        }
        if (field.name().equals("caption")) {
            return "message caption is too long";
        }
        return switch (where) {
            case "answerCallbackQuery.text" -> "MESSAGE_TOO_LONG";
            case "InlineKeyboardButton.callback_data" -> "BUTTON_DATA_INVALID";
            case "BotCommand.command" -> "BOT_COMMAND_INVALID";
            case "BotCommand.description" -> "BOT_COMMAND_DESCRIPTION_INVALID";
            default -> {
                String rule = "must be " + limit.min() + "-" + limit.max() + (limit.bytes() ? " bytes" : " characters")
                        + " long" + (limit.bytes() ? "" : " after entities parsing");
                yield at.topLevel() ? "parameter \"" + field.name() + "\" " + rule
                        : "can't parse " + label(at.owner().name()) + ": Field \"" + field.name() + "\" " + rule;
            }
        };
    }

    private static String missing(String method, Field field) {
        if (field.name().equals("chat_id")) {
            return "chat_id is empty";
        }
        if (field.name().equals("text") && Set.of("sendMessage", "editMessageText").contains(method)) {
            return "message text is empty";
        }
        if (method.equals("createForumTopic") && field.name().equals("name")) {
            return "name must be non-empty";
        }
        if (field.types().contains("InputFile")) {
            return "there is no " + field.name() + " in the request";
        }
        return "parameter \"" + field.name() + "\" is required";
    }

    /** A parameter is named with its documented type, a field inside JSON with the JSON type, as Telegram does. */
    private static void require(boolean fits, Context at, Field field, String type) {
        if (!fits) {
            throw bad(at.topLevel() ? "parameter \"" + field.name() + "\" must be of type " + type
                    : "can't parse " + label(at.owner().name()) + ": Field \"" + field.name() + "\" must be of type "
                    + jsonType(type));
        }
    }

    private static String jsonType(String type) {
        return switch (type) {
            case "Integer", "Float" -> "Number";
            case "String", "Boolean" -> type;
            default -> type.startsWith("Array of ") ? "Array" : "Object";
        };
    }

    private static boolean isInteger(JsonNode value) {
        return value.isIntegralNumber() || value.isTextual() && INTEGER.matcher(value.asText()).matches();
    }

    private static boolean isFloat(JsonNode value) {
        if (value.isNumber()) {
            return true;
        }
        try {
            return value.isTextual() && Double.isFinite(Double.parseDouble(value.asText()));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isBooleanText(JsonNode value) {
        return BOOLEAN_TEXTS.contains(value.asText().toLowerCase(Locale.ROOT))
                && (value.isTextual() || value.isIntegralNumber());
    }

    private static String label(String type) {
        return LABELS.getOrDefault(type, type);
    }

    private static JsonNode parseOrNull(String text) {
        String trimmed = text.strip();
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            return null;
        }
        try {
            return BotApiEmulator.JSON.readTree(trimmed);
        } catch (IOException e) {
            return null;
        }
    }

    /** Every {@code attach://name} in the call, also inside JSON-serialized parameters (media groups). */
    private static void collectAttachments(JsonNode value, Set<String> names) {
        if (value.isTextual()) {
            String text = value.asText();
            if (text.startsWith(ATTACH)) {
                names.add(text.substring(ATTACH.length()));
            } else if (text.contains(ATTACH)) {
                JsonNode json = parseOrNull(text);
                if (json != null) {
                    collectAttachments(json, names);
                }
            }
        } else if (value.isContainerNode()) {
            value.forEach(child -> collectAttachments(child, names));
        }
    }

    private static IllegalArgumentException bad(String description) {
        return new IllegalArgumentException("Bad Request: " + description);
    }
}
