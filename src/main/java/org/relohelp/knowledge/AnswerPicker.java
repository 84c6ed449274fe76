package org.relohelp.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides between answering with one article and offering suggestions. The best article is the answer
 * only when it matches enough of the question's words and clearly leads the next one; otherwise up to three
 * articles that matched something are suggested. Nothing that matched nothing is ever offered.
 */
final class AnswerPicker {

    static final int MAX_SUGGESTIONS = 3;

    private final double minCoverage;
    private final double minLead;

    AnswerPicker(double minCoverage, double minLead) {
        this.minCoverage = minCoverage;
        this.minLead = minLead;
    }

    record Pick(Optional<Article> answer, List<Article> suggestions) {
    }

    Pick pick(SearchIndex.Result result) {
        List<SearchIndex.Hit> hits = result.hits().stream().filter(h -> h.coverage() > 0).toList();
        if (hits.isEmpty()) {
            return new Pick(Optional.empty(), List.of());
        }
        SearchIndex.Hit best = hits.get(0);
        boolean leads = hits.size() == 1 || best.score() >= minLead * hits.get(1).score();
        if (best.coverage() >= minCoverage && leads) {
            return new Pick(Optional.of(best.article()), List.of());
        }
        List<Article> suggestions = new ArrayList<>();
        for (SearchIndex.Hit hit : hits) {
            boolean elsewhere = result.country().isPresent() && !hit.article().isFor(result.country().get());
            if (!elsewhere && suggestions.size() < MAX_SUGGESTIONS) {
                suggestions.add(hit.article());
            }
        }
        if (suggestions.isEmpty()) {
            hits.stream().limit(MAX_SUGGESTIONS).forEach(h -> suggestions.add(h.article()));
        }
        return new Pick(Optional.empty(), suggestions);
    }
}
