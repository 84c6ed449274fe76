package org.relohelp.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every text the bot says exists in Russian (the default bundle) and in English. */
class TextsInBothLanguagesTest {

    @Test
    void russianAndEnglishHaveTheSameKeys() throws IOException {
        Properties ru = load("/i18n/messages.properties");
        Properties en = load("/i18n/messages_en.properties");
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(ru.stringPropertyNames());
        assertThat(ru.stringPropertyNames()).allSatisfy(key -> assertThat(ru.getProperty(key)).isNotBlank());
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (var in = TextsInBothLanguagesTest.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
