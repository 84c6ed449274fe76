package org.relohelp.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dev questions against the real articles: a regression gate for the knowledge answers. */
class SearchQualityTest {

    @Test
    void theFirstReplyIsRightForNearlyEveryDevQuestion() throws Exception {
        SearchEvaluation.Summary summary = SearchEvaluation.run();
        assertThat(summary.outcomes()).hasSizeGreaterThanOrEqualTo(50);
        assertThat(summary.firstRight()).isGreaterThanOrEqualTo(0.90);
        assertThat(summary.withinThree()).isGreaterThanOrEqualTo(0.97);
        // A confident wrong answer is worse than a question back or a choice: keep those rare.
        assertThat(summary.confidentWrong()).isLessThanOrEqualTo(0.03);
    }

    /**
     * The labelled dev sets (each written blind by another writer, as users write, with country, topic and
     * profile), each gated a little below what it measured. What each measured untouched, before anything was
     * tuned on it or learnt from it (first reply right / right article within three / confident wrong):
     * <ul>
     * <li>dev: 82.5 / 95.0 / 1.9 when it was added;</li>
     * <li>dev2: 73.3 / 93.3 / 7.2;</li>
     * <li>dev3: 74.1 / 93.6 / 5.0, and 81.8 / 95.9 / 2.7 after the work on it (branch kb3);</li>
     * <li>dev4: 70.9 / 95.9 / 3.6, and 81.4 / 98.2 / 0.9 after the work on it (branch kb4);</li>
     * <li>dev5: 83.6 / 98.2 / 4.5; 90.0 / 98.2 / 5.9 with the topic model learnt from the sets before it;</li>
     * <li>dev6, written after the topic model was in: 90.0 / 97.3 / 5.0 (84.5 / 97.3 / 4.1 without it);</li>
     * <li>dev7: 88.6 / 95.9 / 5.5 (82.3 / 95.9 / 3.6 without the topic model).</li>
     * </ul>
     * Every one of them is now in {@code asked.tsv}: a regression gate, no measure of questions never seen.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "dev,  160, 0.78, 0.92, 0.04",
            "dev2, 180, 0.78, 0.95, 0.05",
            "dev3, 220, 0.79, 0.94, 0.05",
            "dev4, 220, 0.79, 0.96, 0.03",
            "dev5, 220, 0.88, 0.97, 0.06",
            "dev6, 220, 0.88, 0.96, 0.055",
            "dev7, 220, 0.88, 0.95, 0.05"})
    void eachLabelledDevSetStaysAboveItsMeasuredLevel(String set, int questions, double firstRight,
                                                      double withinThree, double confidentWrong) throws Exception {
        SearchEvaluation.Summary summary = SearchEvaluation.runLabelled(set);
        assertThat(summary.outcomes()).hasSize(questions);
        assertThat(summary.firstRight()).isGreaterThanOrEqualTo(firstRight);
        assertThat(summary.withinThree()).isGreaterThanOrEqualTo(withinThree);
        assertThat(summary.confidentWrong()).isLessThanOrEqualTo(confidentWrong);
    }

    /**
     * Each labelled dev set with the topic model learnt from all the others ({@code SearchEvaluation -cv}): what
     * the model does for questions it has not learnt, without touching the held-out sets. Measured 91.7 % / 97.8 %
     * / 3.4 % over 1,440 questions when the seventh set was added.
     */
    @Test
    void theTopicModelHelpsOnQuestionsItDidNotLearn() throws Exception {
        List<SearchEvaluation.Outcome> all = new java.util.ArrayList<>();
        SearchEvaluation.leaveOneSetOut().forEach(summary -> all.addAll(summary.outcomes()));
        SearchEvaluation.Summary pooled = new SearchEvaluation.Summary("cv", all);
        assertThat(all).hasSizeGreaterThanOrEqualTo(1440);
        assertThat(pooled.firstRight()).isGreaterThanOrEqualTo(0.90);
        assertThat(pooled.withinThree()).isGreaterThanOrEqualTo(0.97);
        assertThat(pooled.confidentWrong()).isLessThanOrEqualTo(0.04);
    }

    /**
     * The topic model learns from {@code asked.tsv}; a held-out question in it would make the held-out figures
     * a measure of memory. None may be there, in any spelling of spaces or case.
     */
    @Test
    void noHeldOutQuestionIsLearntFrom() throws Exception {
        java.util.Set<String> asked = TopicModel.read(SearchEvaluation.KNOWLEDGE.resolve("asked.tsv")).stream()
                .map(e -> SearchEvaluation.normal(e.text())).collect(java.util.stream.Collectors.toSet());
        assertThat(asked).hasSizeGreaterThan(1000);
        java.util.List<String> heldOut = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.list(SearchEvaluation.QUESTIONS.resolve("test"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".tsv")).toList()) {
                java.nio.file.Files.readAllLines(file).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                        .map(l -> SearchEvaluation.normal(l.split("\t")[0])).forEach(heldOut::add);
            }
        }
        assertThat(heldOut).hasSizeGreaterThan(250).noneMatch(asked::contains);
    }

    @Test
    void everyQuestionNamesAnArticleThatExists() throws Exception {
        var ids = SearchEvaluation.loadArticles(SearchEvaluation.KNOWLEDGE).stream().map(Article::id).toList();
        assertThat(SearchEvaluation.loadQuestions(SearchEvaluation.QUESTIONS))
                .allSatisfy(q -> assertThat(ids).as(q.text()).containsAll(q.expected()));
    }
}
