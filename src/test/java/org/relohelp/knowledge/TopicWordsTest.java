package org.relohelp.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What a section's titles say of its topic, with the real topics.yml. */
class TopicWordsTest {

    private static final Path KNOWLEDGE = Path.of("config/knowledge");
    private final TextAnalysis analysis = new TextAnalysis(KNOWLEDGE.resolve("synonyms.txt"));
    private final TopicWords topics = TopicWords.read(KNOWLEDGE.resolve("topics.yml"), analysis);

    @Test
    void aWordInBothTitlesIsOneWordNotTwo() {
        // "работу" and "job", "карты" and "card": one mention of another topic in each language is still in passing
        assertThat(topics.topicOf("Через работу\nThrough a job", "residence", analysis)).isEqualTo("residence");
        assertThat(topics.topicOf("Что сделать после получения карты\nWhat to do once you have the card",
                "residence", analysis)).isEqualTo("residence");
    }

    @Test
    void aTitleThatSpeaksOfAnotherTopicInEarnestTellsIt() {
        assertThat(topics.topicOf("Хозяин и регистрация (прописка)\nThe landlord and registration", "housing",
                analysis)).isEqualTo("stay");
    }
}
