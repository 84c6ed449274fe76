package org.relohelp.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

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
     * The labelled dev set (written blind, as users write, with country, topic and profile): a looser gate, since
     * its articles come from the content as merged; measured 82.5 % / 95.0 % / 1.9 % when it was added.
     */
    @Test
    void theLabelledDevQuestionsStayAboveTheirMeasuredLevel() throws Exception {
        SearchEvaluation.Summary summary = SearchEvaluation.runLabelled("dev");
        assertThat(summary.outcomes()).hasSizeGreaterThanOrEqualTo(150);
        assertThat(summary.firstRight()).isGreaterThanOrEqualTo(0.78);
        assertThat(summary.withinThree()).isGreaterThanOrEqualTo(0.92);
        assertThat(summary.confidentWrong()).isLessThanOrEqualTo(0.04);
    }

    /**
     * The second labelled dev set, by a writer who never saw the bot: measured untouched at 73.3 % / 93.3 % / 7.2 %
     * before it was tuned on.
     */
    @Test
    void theSecondLabelledDevSetStaysAboveItsMeasuredLevel() throws Exception {
        SearchEvaluation.Summary summary = SearchEvaluation.runLabelled("dev2");
        assertThat(summary.outcomes()).hasSize(180);
        assertThat(summary.firstRight()).isGreaterThanOrEqualTo(0.78);
        assertThat(summary.withinThree()).isGreaterThanOrEqualTo(0.95);
        assertThat(summary.confidentWrong()).isLessThanOrEqualTo(0.05);
    }

    /**
     * The third labelled dev set, by yet another writer: measured untouched at 74.1 % / 93.6 % / 5.0 %, and at
     * 81.8 % / 95.9 % / 2.7 % after the work on it (branch kb3); gated a little below that.
     */
    @Test
    void theThirdLabelledDevSetStaysAboveItsMeasuredLevel() throws Exception {
        SearchEvaluation.Summary summary = SearchEvaluation.runLabelled("dev3");
        assertThat(summary.outcomes()).hasSize(220);
        assertThat(summary.firstRight()).isGreaterThanOrEqualTo(0.79);
        assertThat(summary.withinThree()).isGreaterThanOrEqualTo(0.94);
        assertThat(summary.confidentWrong()).isLessThanOrEqualTo(0.05); // 4.1 % with the topic model (one question in 220 more)
    }

    /**
     * The fourth labelled dev set, by a fourth writer: measured untouched at 70.9 % / 95.9 % / 3.6 %, and at
     * 81.4 % / 98.2 % / 0.9 % after the work on it (branch kb4); gated a little below that.
     */
    @Test
    void theFourthLabelledDevSetStaysAboveItsMeasuredLevel() throws Exception {
        SearchEvaluation.Summary summary = SearchEvaluation.runLabelled("dev4");
        assertThat(summary.outcomes()).hasSize(220);
        assertThat(summary.firstRight()).isGreaterThanOrEqualTo(0.79);
        assertThat(summary.withinThree()).isGreaterThanOrEqualTo(0.96);
        assertThat(summary.confidentWrong()).isLessThanOrEqualTo(0.03);
    }

    /**
     * The fifth labelled dev set, by a fifth writer: measured untouched at 83.6 % / 98.2 % / 4.5 %; with the topic
     * model learnt from the sets before it (not from this one) at 90.0 % / 98.2 % / 5.9 %. It then joined
     * {@code asked.tsv}, like the others: from then on a regression gate, no measure of questions never seen.
     */
    @Test
    void theFifthLabelledDevSetStaysAboveItsMeasuredLevel() throws Exception {
        SearchEvaluation.Summary summary = SearchEvaluation.runLabelled("dev5");
        assertThat(summary.outcomes()).hasSize(220);
        assertThat(summary.firstRight()).isGreaterThanOrEqualTo(0.88);
        assertThat(summary.withinThree()).isGreaterThanOrEqualTo(0.97);
        assertThat(summary.confidentWrong()).isLessThanOrEqualTo(0.06);
    }

    /**
     * The sixth labelled dev set, by a sixth writer, written after the topic model was in: measured untouched at
     * 90.0 % / 97.3 % / 5.0 % (84.5 % / 97.3 % / 4.1 % by the search before the model), then added to
     * {@code asked.tsv}.
     */
    @Test
    void theSixthLabelledDevSetStaysAboveItsMeasuredLevel() throws Exception {
        SearchEvaluation.Summary summary = SearchEvaluation.runLabelled("dev6");
        assertThat(summary.outcomes()).hasSize(220);
        assertThat(summary.firstRight()).isGreaterThanOrEqualTo(0.88);
        assertThat(summary.withinThree()).isGreaterThanOrEqualTo(0.96);
        assertThat(summary.confidentWrong()).isLessThanOrEqualTo(0.055);
    }

    /**
     * The seventh labelled dev set, by a seventh writer: measured untouched at 88.6 % / 95.9 % / 5.5 % (82.3 % /
     * 95.9 % / 3.6 % by the search before the topic model), then added to {@code asked.tsv}.
     */
    @Test
    void theSeventhLabelledDevSetStaysAboveItsMeasuredLevel() throws Exception {
        SearchEvaluation.Summary summary = SearchEvaluation.runLabelled("dev7");
        assertThat(summary.outcomes()).hasSize(220);
        assertThat(summary.firstRight()).isGreaterThanOrEqualTo(0.88);
        assertThat(summary.withinThree()).isGreaterThanOrEqualTo(0.95);
        assertThat(summary.confidentWrong()).isLessThanOrEqualTo(0.05);
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
                .map(e -> normal(e.text())).collect(java.util.stream.Collectors.toSet());
        assertThat(asked).hasSizeGreaterThan(1000);
        java.util.List<String> heldOut = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.list(SearchEvaluation.QUESTIONS.resolve("test"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".tsv")).toList()) {
                java.nio.file.Files.readAllLines(file).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                        .map(l -> normal(l.split("\t")[0])).forEach(heldOut::add);
            }
        }
        assertThat(heldOut).hasSizeGreaterThan(250).noneMatch(asked::contains);
    }

    private static String normal(String text) {
        return text.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
    }

    @Test
    void everyQuestionNamesAnArticleThatExists() throws Exception {
        var ids = SearchEvaluation.loadArticles(SearchEvaluation.KNOWLEDGE).stream().map(Article::id).toList();
        assertThat(SearchEvaluation.loadQuestions(SearchEvaluation.QUESTIONS))
                .allSatisfy(q -> assertThat(ids).as(q.text()).containsAll(q.expected()));
    }
}
