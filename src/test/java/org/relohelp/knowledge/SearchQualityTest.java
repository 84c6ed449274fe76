package org.relohelp.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The evaluation questions against the real articles: the quality bar of the knowledge answers. */
class SearchQualityTest {

    @Test
    void theRightArticleComesFirstForAtLeastNinetyPercentOfQuestions() throws Exception {
        SearchEvaluation.Summary summary = SearchEvaluation.run();
        assertThat(summary.outcomes()).hasSizeGreaterThanOrEqualTo(50);
        assertThat(summary.top1()).isGreaterThanOrEqualTo(0.90);
        assertThat(summary.top3()).isGreaterThanOrEqualTo(0.95);
        // A confident wrong answer is worse than suggestions: keep those rare.
        assertThat(summary.share(SearchEvaluation.Outcome::answeredWrong)).isLessThanOrEqualTo(0.05);
    }

    @Test
    void everyQuestionNamesAnArticleThatExists() throws Exception {
        var ids = SearchEvaluation.loadArticles(SearchEvaluation.KNOWLEDGE).stream().map(Article::id).toList();
        assertThat(SearchEvaluation.loadQuestions(SearchEvaluation.QUESTIONS))
                .allSatisfy(q -> assertThat(ids).as(q.text()).contains(q.expected()));
    }
}
