package org.relohelp.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Bot API request's parameters as one JSON object, from a JSON, form, multipart or query-string request.
 * Uploaded files go to the {@link FileStore} and their parameter becomes the new file id; {@code uploads} names
 * the parts that carried a file. The multipart reader is small and hand-written: the JDK has none, and
 * servlet-based parsers do not fit this server.
 */
record RequestBody(ObjectNode params, Set<String> uploads) {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"");
    private static final Pattern CONTENT_TYPE = Pattern.compile("(?im)^content-type:\\s*(\\S+)");

    static RequestBody read(HttpExchange exchange, FileStore files) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        RequestBody request = new RequestBody(BotApiEmulator.JSON.createObjectNode(), new HashSet<>());
        ObjectNode params = request.params();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            addForm(params, query);
        }
        if (bytes.length == 0) {
            return request;
        }
        String lower = type.toLowerCase();
        if (lower.contains("json")) {
            JsonNode json = BotApiEmulator.JSON.readTree(bytes);
            if (json instanceof ObjectNode object) {
                params.setAll(object);
            }
        } else if (lower.contains("x-www-form-urlencoded")) {
            addForm(params, new String(bytes, StandardCharsets.UTF_8));
        } else if (lower.contains("multipart/form-data")) {
            Matcher boundary = BOUNDARY.matcher(type);
            if (boundary.find()) {
                addParts(request, bytes, boundary.group(1), files);
            }
        }
        return request;
    }

    private static void addForm(ObjectNode params, String form) {
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
    }

    private static void addParts(RequestBody request, byte[] body, String boundary, FileStore files) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int start = at + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                return;
            }
            int next = indexOf(body, delimiter, start);
            if (next < 0) {
                return;
            }
            byte[] part = Arrays.copyOfRange(body, start + 2, Math.max(start + 2, next - 2));
            addPart(request, part, files);
            at = next;
        }
    }

    private static void addPart(RequestBody request, byte[] part, FileStore files) {
        int split = indexOf(part, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (split < 0) {
            return;
        }
        String headers = new String(part, 0, split, StandardCharsets.UTF_8);
        byte[] content = Arrays.copyOfRange(part, split + 4, part.length);
        Matcher name = NAME.matcher(headers);
        if (!name.find()) {
            return;
        }
        Matcher fileName = FILE_NAME.matcher(headers);
        if (fileName.find()) {
            Matcher contentType = CONTENT_TYPE.matcher(headers);
            request.params().put(name.group(1), files.put(fileName.group(1),
                    contentType.find() ? contentType.group(1) : "application/octet-stream", content));
            request.uploads().add(name.group(1));
        } else {
            request.params().put(name.group(1), new String(content, StandardCharsets.UTF_8));
        }
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
