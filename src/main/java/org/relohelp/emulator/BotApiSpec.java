package org.relohelp.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Bot API as Telegram documents it: every method and type with its fields, their types
 * ({@code Integer}, {@code String}, {@code Array of X}, object types, unions) and whether they are required,
 * and the length limits the descriptions state in words ("1-4096 characters after entities parsing",
 * "1-64 bytes"). Read from {@code bot-api.json} (Bot API 10.1, from the MIT-licensed project
 * PaulSonOfLars/telegram-bot-api-spec, see {@code bot-api.LICENSE.txt}) once per JVM, keeping only what the
 * checks need, on a thread of its own: the first emulator starts without waiting for it (about 80 ms of CPU on a
 * cold JVM), its first call waits if it must.
 */
final class BotApiSpec {

    /** A length limit in UTF-16 characters (as Telegram counts them) or in UTF-8 bytes. */
    record Limit(int min, int max, boolean bytes) {
    }

    /**
     * A method's parameter or a type's field; {@code constant} is the value a union member's discriminator
     * must have ("Type of the media, must be photo"), {@code limit} a length stated in the description.
     */
    record Field(String name, List<String> types, boolean required, Limit limit, String constant) {
    }

    /** A method (its parameters) or a type (its fields, or for a union its members). */
    record Definition(String name, Map<String, Field> fields, List<String> subtypes, List<String> returns) {

        boolean isUnion() {
            return !subtypes.isEmpty();
        }
    }

    private static final String RESOURCE = "bot-api.json";
    private static final Pattern LIMIT = Pattern.compile("(\\d+)-(\\d+) (characters|bytes)");
    private static final Pattern CONSTANT = Pattern.compile("(?:must be|always) [\"“]?([a-z0-9_]+)[\"”]?$");
    private static final Set<String> MESSAGE_RESULTS = Set.of("Message", "MessageId", "Array of Message",
            "Array of MessageId");

    private final Map<String, Definition> methods;
    private final Map<String, Definition> types;
    private final Set<String> messageSends;

    private BotApiSpec(Map<String, Definition> methods, Map<String, Definition> types) {
        this.methods = methods;
        this.types = types;
        this.messageSends = methods.entrySet().stream()
                .filter(m -> m.getValue().name().matches("(send|forward|copy).*")
                        && m.getValue().returns().stream().anyMatch(MESSAGE_RESULTS::contains))
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }

    /** The description shipped with the emulator, read once per JVM in the background. */
    static CompletableFuture<BotApiSpec> shared() {
        return Holder.SPEC;
    }

    private static final class Holder {
        static final CompletableFuture<BotApiSpec> SPEC = new CompletableFuture<>();

        static {
            Thread reader = new Thread(() -> {
                try {
                    SPEC.complete(load());
                } catch (RuntimeException | Error e) {
                    SPEC.completeExceptionally(e);
                }
            }, "bot-api-description");
            reader.setDaemon(true);
            reader.start();
        }
    }

    static BotApiSpec load() {
        try (InputStream in = BotApiSpec.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The Bot API description " + RESOURCE + " is not on the classpath");
            }
            JsonNode root = BotApiEmulator.JSON.readTree(in);
            Map<String, Definition> methods = new HashMap<>();
            root.path("methods").forEach(m -> methods.put(m.path("name").asText().toLowerCase(Locale.ROOT),
                    definition(m)));
            Map<String, Definition> types = new HashMap<>();
            root.path("types").forEach(t -> types.put(t.path("name").asText(), definition(t)));
            return new BotApiSpec(Map.copyOf(methods), Map.copyOf(types));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Bot API description " + RESOURCE, e);
        }
    }

    private static Definition definition(JsonNode node) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (JsonNode f : node.path("fields")) {
            List<String> fieldTypes = strings(f.path("types"));
            String description = f.path("description").asText("");
            Limit limit = null;
            Matcher words = LIMIT.matcher(description);
            if (fieldTypes.equals(List.of("String")) && words.find()) {
                limit = new Limit(Integer.parseInt(words.group(1)), Integer.parseInt(words.group(2)),
                        words.group(3).equals("bytes"));
            }
            Matcher constant = CONSTANT.matcher(description);
            boolean hasConstant = (description.contains("must be") || description.contains("always"))
                    && constant.find();
            fields.put(f.path("name").asText(), new Field(f.path("name").asText(), fieldTypes,
                    f.path("required").asBoolean(), limit, hasConstant ? constant.group(1) : null));
        }
        return new Definition(node.path("name").asText(), fields, strings(node.path("subtypes")),
                strings(node.path("returns")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>(array.size());
        array.forEach(s -> list.add(s.asText()));
        return List.copyOf(list);
    }

    /** A method by name in any case, as Telegram matches them. */
    Optional<Definition> method(String name) {
        return Optional.ofNullable(methods.get(name.toLowerCase(Locale.ROOT)));
    }

    Optional<Definition> type(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /** The methods that put a new message into a chat (sendMessage, copyMessage, sendPhoto, ...). */
    boolean isMessageSend(String method) {
        return messageSends.contains(method.toLowerCase(Locale.ROOT));
    }
}
