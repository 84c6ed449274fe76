package org.relohelp.telegram.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** A Bot API request's parameters as one JSON object, from a JSON, form or query-string request. */
final class RequestBody {

    private RequestBody() {
    }

    static ObjectNode read(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).toLowerCase();
        ObjectNode params = BotApiEmulator.JSON.createObjectNode();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            addForm(params, query);
        }
        if (bytes.length == 0) {
            return params;
        }
        if (type.contains("json")) {
            JsonNode json = BotApiEmulator.JSON.readTree(bytes);
            if (json instanceof ObjectNode object) {
                params.setAll(object);
            }
        } else if (type.contains("x-www-form-urlencoded")) {
            addForm(params, BotApiEmulator.utf8(bytes));
        }
        return params;
    }

    private static void addForm(ObjectNode params, String form) {
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
            String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
            params.put(key, value);
        }
    }
}
