package org.relohelp.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every text the bot says exists in Russian and in English. */
class TextsInBothLanguagesTest {

    @Test
    void russianAndEnglishHaveTheSameKeys() throws IOException {
        Properties ru = load("ru");
        Properties en = load("en");
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(ru.stringPropertyNames());
        assertThat(ru.stringPropertyNames()).allSatisfy(key -> assertThat(ru.getProperty(key)).isNotBlank());
    }

    private static Properties load(String language) throws IOException {
        Properties properties = new Properties();
        try (var in = TextsInBothLanguagesTest.class.getResourceAsStream("/i18n/messages_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
