package org.relohelp.knowledge;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what the first reply to a question is. The best article's best section is the answer when the article
 * matches enough of the question's words and clearly leads the next one. A question clear about its topic but not
 * its country gets "which country?" instead of a guess. A question about a destination the bot does not cover gets
 * what its short article has. Otherwise two close candidates are offered as two, else up to three; nothing that
 * matched nothing is ever offered.
 */
final class AnswerPicker {

    static final int MAX_SUGGESTIONS = 3;

    private final double minCoverage;
    private final double minLead;

    AnswerPicker(double minCoverage, double minLead) {
        this.minCoverage = minCoverage;
        this.minLead = minLead;
    }

    sealed interface Decision {
    }

    /** Answer with this article's section (its best one that answers questions; the whole article if it has none). */
    record Answer(SearchIndex.Hit hit) implements Decision {
    }

    /**
     * Ask which country: {@code picks} holds, for each covered country that has one, the article and section that
     * would answer the question there.
     */
    record AskCountry(String topic, Map<Destination, SearchIndex.Hit> picks) implements Decision {
    }

    /** A destination the bot does not cover in full; {@code hit} is its short article, if there is one. */
    record Elsewhere(Destination country, Optional<SearchIndex.Hit> hit) implements Decision {
    }

    /** Not sure: two or three candidates to choose from (none when nothing matched). */
    record Choose(List<SearchIndex.Hit> candidates) implements Decision {
    }

    Decision pick(SearchIndex.Result result) {
        Optional<Destination> country = result.where().country();
        if (country.isPresent() && !country.get().covered()) {
            return new Elsewhere(country.get(), result.hits().stream()
                    .filter(h -> h.article().isElsewhere() && h.article().isFor(country.get())).findFirst()
                    .or(() -> result.raw().stream().filter(h -> h.article().isElsewhere()
                            && h.article().isFor(country.get())).findFirst()));
        }
        List<SearchIndex.Hit> hits = result.hits().stream().filter(h -> h.coverage() > 0).toList();
        if (hits.isEmpty()) {
            return new Choose(List.of());
        }
        SearchIndex.Hit best = hits.get(0);
        boolean confident = best.coverage() >= minCoverage && leads(best, hits, h -> true);
        if (country.isEmpty() && !best.article().isGeneral() && !best.article().isElsewhere()) {
            boolean topicClear = best.coverage() >= minCoverage
                    && leads(best, hits, h -> !h.article().topic().equals(best.article().topic()));
            if (topicClear) {
                return new AskCountry(best.article().topic(), picks(result, best.article().topic()));
            }
        } else if (confident) {
            return new Answer(best);
        }
        return new Choose(candidates(hits, country));
    }

    /** Whether {@code best} clearly leads the first other candidate that {@code rival} accepts. */
    private boolean leads(SearchIndex.Hit best, List<SearchIndex.Hit> hits,
                          java.util.function.Predicate<SearchIndex.Hit> rival) {
        return hits.stream().skip(1).filter(rival).findFirst()
                .map(next -> best.score() >= minLead * next.score()).orElse(true);
    }

    /** For each covered country, the best article of the topic for it, as if the question had named it. */
    private static Map<Destination, SearchIndex.Hit> picks(SearchIndex.Result result, String topic) {
        Map<Destination, SearchIndex.Hit> picks = new EnumMap<>(Destination.class);
        for (Destination country : Destination.values()) {
            if (country.covered()) {
                result.rankedFor(country).hits().stream()
                        .filter(h -> h.coverage() > 0 && h.article().topic().equals(topic)
                                && h.article().isFor(country) && !h.article().isElsewhere())
                        .findFirst().ifPresent(h -> picks.put(country, h));
            }
        }
        return picks;
    }

    /**
     * Candidates for the question's country (or any, when it has none or nothing fits): two when the third is
     * clearly behind the second, else up to three.
     */
    private List<SearchIndex.Hit> candidates(List<SearchIndex.Hit> hits, Optional<Destination> country) {
        List<SearchIndex.Hit> fitting = new ArrayList<>(hits.stream()
                .filter(h -> country.isEmpty() ? !h.article().isElsewhere() : h.article().isFor(country.get()))
                .limit(MAX_SUGGESTIONS).toList());
        if (fitting.isEmpty()) {
            fitting.addAll(hits.stream().limit(MAX_SUGGESTIONS).toList());
        }
        if (fitting.size() == 3 && fitting.get(1).score() >= minLead * fitting.get(2).score()) {
            fitting.remove(2);
        }
        return fitting;
    }
}
