package org.relohelp.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;

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

    @Test
    void aQuestionTellsItsTopicAsTheSearchReadsIt() throws Exception {
        try (SearchIndex index = new SearchIndex(analysis, new PlaceNames(KNOWLEDGE.resolve("places.yml"), analysis),
                new PlaceNames(KNOWLEDGE.resolve("country-words.yml"), analysis), topics)) {
            index.rebuild(SearchEvaluation.loadArticles(KNOWLEDGE));
            // misspelt (and the misspelling is one of the articles' own search words, so the search keeps it)
            assertThat(index.search("нужна ли регестрация если снимаю квартиру у хозяина", Optional.of(Country.KZ),
                    Language.RU).told().tells("stay")).isTrue();
            // a stay word after "без" still tells the stay
            assertThat(index.search("сколько можно жить без регистрации", Optional.of(Country.KG), Language.RU)
                    .told().tells("stay")).isTrue();
            // but a residence permit after "без" tells nothing of residence permits
            assertThat(index.search("можно ли открыть карту без внж", Optional.of(Country.KZ), Language.RU)
                    .told().tells("residence")).isFalse();
            // three ordinary words of one topic tell it strongly but decide nothing
            assertThat(index.search("снять квартиру или комнату в хостеле", Optional.of(Country.KZ), Language.RU)
                    .told().decided()).isEmpty();
            // an English word is not read as the Russian word its letters come closest to ("hotel" is no "хостел")
            assertThat(index.search("hotel registered me, now moving to rented flat", Optional.empty(), Language.EN)
                    .told().weights().get("housing")).isEqualTo(2);
            // "работает" asks whether something works, not about a job: a form marked "-" in topics.yml tells nothing
            assertThat(index.search("юнионпэй газпромбанка работает в ереване?", Optional.empty(), Language.RU)
                    .told().tells("work")).isFalse();
            assertThat(index.search("можно ли работать в ереване без разрешения", Optional.empty(), Language.RU)
                    .told().tells("work")).isTrue();
        }
    }
}
