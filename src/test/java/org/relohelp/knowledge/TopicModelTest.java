package org.relohelp.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicModelTest {

    private static Set<String> words(String text) {
        return Set.of(text.toLowerCase(java.util.Locale.ROOT).split("\\W+"));
    }

    private static final List<TopicModel.Example> EXAMPLES = List.of(
            new TopicModel.Example("buy sim card airport", List.of("phone")),
            new TopicModel.Example("sim card operator cheap", List.of("phone")),
            new TopicModel.Example("phone blocked imei register", List.of("phone")),
            new TopicModel.Example("rent flat cheap landlord", List.of("housing")),
            new TopicModel.Example("flat for a month landlord deposit", List.of("housing")),
            new TopicModel.Example("rent a room near the airport", List.of("housing", "first-days")));

    @Test
    void aQuestionIsMostLikelyOnTheTopicOfTheQuestionsItsWordsCameFrom() {
        TopicModel model = TopicModel.train(EXAMPLES, TopicModelTest::words);

        Map<String, Double> sim = model.topics(words("where is a cheap sim card"));
        assertThat(sim.get("phone")).isGreaterThan(0.6).isGreaterThan(sim.get("housing"));
        Map<String, Double> flat = model.topics(words("landlord wants a deposit for the flat"));
        assertThat(flat.get("housing")).isGreaterThan(0.6);
        assertThat(flat.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-9));
        // "cheap" and "airport" were said about both: no word it knows, no opinion
        assertThat(model.topics(words("hello there"))).isEmpty();
    }

    @Test
    void aModelWithOneTopicOrNoneKnowsNothing() {
        assertThat(TopicModel.train(EXAMPLES.subList(0, 3), TopicModelTest::words).topics(words("sim card")))
                .isEmpty();
        assertThat(TopicModel.train(List.of(), TopicModelTest::words).topics(words("sim"))).isEmpty();
    }

    @Test
    void askedQuestionsAreReadBesideTheTopicWordsAndAnUnknownTopicIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("topics.yml"), "phone: [sim]\n");
        Files.writeString(dir.resolve("asked.tsv"), "# comment\nгде купить симку\tphone\nсимка и хата\tphone|housing\n");
        TopicWords topics = TopicWords.read(dir.resolve("topics.yml"), new TextAnalysis(null));
        assertThat(topics.asked()).extracting(TopicModel.Example::topics)
                .containsExactly(List.of("phone"), List.of("phone", "housing"));

        Files.writeString(dir.resolve("asked.tsv"), "где купить симку\tsim-cards\n");
        assertThatThrownBy(() -> TopicWords.read(dir.resolve("topics.yml"), new TextAnalysis(null)))
                .hasMessageContaining("'sim-cards' is not a topic");
    }
}
