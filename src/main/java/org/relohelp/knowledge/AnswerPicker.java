package org.relohelp.knowledge;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what the first reply to a question is. The best article's best section is the answer when the article
 * matches enough of the question's words and clearly leads the first candidate on another topic; with the
 * question's country known, only articles for it (or for every country) may answer, and a country's own article
 * is preferred to a general or a digressing one that matches about as well. A question whose close candidates all
 * depend on a country nobody named gets "which country?" instead of a guess. A question about a destination the
 * bot does not cover gets what its short article has. Otherwise two close candidates are offered as two, else up
 * to three; nothing that matched nothing is ever offered.
 */
final class AnswerPicker {

    static final int MAX_SUGGESTIONS = 3;
    /** The least share of a question's words a clear answer matches, with a larger lead. */
    private static final double MIN_PARTIAL_COVERAGE = 0.3;
    /** How much larger that lead must be. */
    private static final double PARTIAL_LEAD = 1.6;
    /** How much larger the lead must be when the question's words say nothing of the answer's topic. */
    private static final double UNTOLD_LEAD = 1.5;
    /** The least share of its words a question whose topic a matched word decides may match, with a larger lead. */
    private static final double MIN_DECIDED_COVERAGE = 0.2;
    /** How much larger that lead must be. */
    private static final double DECIDED_LEAD = 2.0;
    /** The lead that makes an answer clear at any coverage when the question tells its topic and not the rival's. */
    private static final double TOLD_LEAD = 1.5;
    /** How much a rival on a topic the question does not speak of counts against one its words decide. */
    private static final double UNTOLD_RIVAL = 0.75;
    /** How close to a general article a country's own article on the topic must come to be preferred. */
    private static final double OWN_ARTICLE = 0.5;
    /** How close to the best candidate one on the topic a question's word decides must come to be preferred. */
    private static final double DECIDED_SHARE = 0.3;
    /** The same when the question speaks of the best candidate's topic too, in ordinary words. */
    private static final double DECIDED_CLOSE = 0.7;
    /** How close to a digressing section the article on its topic must come to be preferred. */
    private static final double HOME_ARTICLE = 0.6;
    private static final String SAFETY = "safety";
    /** How sure {@link TopicModel} must be of a topic to decide between close candidates. */
    static final double LEARNT_SURE = 0.8;
    /** Among how many of the first candidates the words must put the one on that topic. */
    private static final int LEARNT_AMONG = 2;

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
        if (country.isPresent() && !country.get().covered() && !aboutSafety(result)) {
            return new Elsewhere(country.get(), result.hits().stream()
                    .filter(h -> h.article().isElsewhere() && h.article().isFor(country.get())).findFirst());
        }
        List<SearchIndex.Hit> matched = result.hits().stream().filter(h -> h.coverage() > 0).toList();
        // with its country known, a question is never answered from another country's article
        List<SearchIndex.Hit> hits = country.isEmpty() ? matched
                : matched.stream().filter(h -> fits(h, country.get())).toList();
        if (hits.isEmpty()) {
            return new Choose(candidates(matched, country));
        }
        SearchIndex.Hit best = ownArticle(homeArticle(decidedArticle(hits, result.told()), result.learnt()),
                country);
        boolean clear = clear(best, hits, result.words(), result.told()) && agrees(best, result.told());
        if (!clear) {
            Optional<SearchIndex.Hit> learnt = learnt(hits, result.learnt());
            if (learnt.isPresent()) {
                best = learnt.get();
                clear = true;
            }
        }
        if (country.isEmpty() && best.countrySpecific() && !best.article().isElsewhere()) {
            // every close candidate depends on the country: asking it comes first, whichever topic they are on
            boolean countryFirst = best.coverage() >= minCoverage && hits.stream().limit(MAX_SUGGESTIONS)
                    .allMatch(h -> h.countrySpecific() && !h.article().isElsewhere());
            if (clear || countryFirst) {
                return new AskCountry(best.topic(), picks(result, best.topic()));
            }
        } else if (clear) {
            return new Answer(best);
        }
        return new Choose(candidates(matched, country));
    }

    /**
     * When the words alone leave two or three candidates close, the one on the topic that questions like this were
     * about ({@link TopicModel}), if the model is sure of it and the words put it among the first two.
     */
    private static Optional<SearchIndex.Hit> learnt(List<SearchIndex.Hit> hits, Map<String, Double> learnt) {
        return learnt.entrySet().stream().filter(e -> e.getValue() >= LEARNT_SURE).map(Map.Entry::getKey)
                .findFirst().flatMap(topic -> hits.stream().limit(LEARNT_AMONG)
                        .filter(h -> h.topic().equals(topic) || h.article().topic().equals(topic)).findFirst());
    }

    /**
     * A question about safety on the way ("лететь домой через Стамбул, если я в розыске?") names a country it is not
     * about: it is answered as a safety question, not with what the bot has on staying in that country.
     */
    private static boolean aboutSafety(SearchIndex.Result result) {
        return result.told().decided().filter(SAFETY::equals).isPresent()
                || result.learnt().getOrDefault(SAFETY, 0.0) >= LEARNT_SURE;
    }

    private static boolean fits(SearchIndex.Hit hit, Destination country) {
        return hit.countries().isEmpty() || hit.countries().contains(country);
    }

    /**
     * The best candidate, or the country's own article on the same topic when a general one leads it only a little:
     * a question about renting in Batumi is better answered by the Georgian housing article than by the general one,
     * and one about SIM cards in Armenia by the Armenian SIM article than by the general one's section that names
     * Armenia among other countries.
     */
    private static SearchIndex.Hit ownArticle(List<SearchIndex.Hit> hits, Optional<Destination> country) {
        // (hits.get(0) may be the article a digressing section yielded to)
        SearchIndex.Hit best = hits.get(0);
        if (country.isEmpty() || !best.article().isGeneral()) {
            return best;
        }
        // the country's article on the topic before another article's section digressing into it (a checklist's bed)
        List<SearchIndex.Hit> own = hits.stream().skip(1).filter(h -> h.countrySpecific()
                && h.topic().equals(best.topic()) && h.score() >= OWN_ARTICLE * best.score()).toList();
        return own.stream().filter(h -> h.article().topic().equals(h.topic())).findFirst()
                .or(() -> own.stream().findFirst()).orElse(best);
    }

    /**
     * A question whose words tell a topic clearly (a decisive word such as "внж", or two words) is not answered on
     * a topic it does not speak of at all: a question about residence permits in a country without such an article
     * must not get its tax article.
     */
    private static boolean agrees(SearchIndex.Hit best, TopicWords.Told told) {
        boolean another = told.decided().isPresent() || told.weights().values().stream().anyMatch(w -> w >= 2);
        return !another || told.tells(best.topic()) || told.tells(best.article().topic());
    }

    /**
     * When a word of the question decides its topic ("уклонист", "валютный") and the best candidate is on another
     * topic, the best candidate on the decided topic comes first: when the question does not speak of the other topic
     * at all, or when it speaks of it only in ordinary words ("переводить деньги со счёта") and the decided topic's
     * candidate matches nearly as well.
     */
    private static List<SearchIndex.Hit> decidedArticle(List<SearchIndex.Hit> hits, TopicWords.Told told) {
        SearchIndex.Hit best = hits.get(0);
        Optional<String> decided = told.decided();
        if (decided.isEmpty() || decided.get().equals(best.topic())) {
            return hits;
        }
        double share = told.tells(best.topic()) ? DECIDED_CLOSE : DECIDED_SHARE;
        return hits.stream().filter(h -> h.topic().equals(decided.get()) && h.score() >= share * best.score())
                .findFirst().map(first -> first(first, hits)).orElse(hits);
    }

    /**
     * A section that digresses into another topic (a housing article's registration, a checklist's bed for tonight)
     * yields to the article on that topic when it matches nearly as well — unless questions like this one are more
     * often about the article's own topic than about the digression's ({@link TopicModel}: "приехал в ош, что делать
     * в первые дни? куда за регистрацией?" asks for the checklist, registration included).
     */
    private static List<SearchIndex.Hit> homeArticle(List<SearchIndex.Hit> hits, Map<String, Double> learnt) {
        SearchIndex.Hit best = hits.get(0);
        if (best.topic().equals(best.article().topic()) || !learnt.isEmpty()
                && learnt.getOrDefault(best.article().topic(), 0.0) >= learnt.getOrDefault(best.topic(), 0.0)) {
            return hits;
        }
        return hits.stream().skip(1).filter(h -> h.article().topic().equals(best.topic())
                        && h.score() >= HOME_ARTICLE * best.score()).findFirst()
                .map(home -> first(home, hits)).orElse(hits);
    }

    /** The candidates with {@code chosen} moved to the front. */
    private static List<SearchIndex.Hit> first(SearchIndex.Hit chosen, List<SearchIndex.Hit> hits) {
        List<SearchIndex.Hit> reordered = new ArrayList<>(List.of(chosen));
        hits.stream().filter(h -> h != chosen).forEach(reordered::add);
        return reordered;
    }

    /**
     * Whether the best candidate is clearly the answer: it matches enough of the question's words and leads the
     * first candidate on another topic (one on the same topic is as good an answer: a general article and a
     * country's on money, say; a section's topic is its own when it digresses). A long question matches a smaller
     * share of its words, so with half or fewer of them matched (at least two) the lead must be larger. Whatever
     * share it matches, a question whose words tell the answer's topic and not the rival's is clear with a lead of
     * half ("Добрый день. Подскажите, пожалуйста, каков сейчас средний уровень цен на аренду…" matches a quarter of
     * its words, all of them about housing).
     */
    private boolean clear(SearchIndex.Hit best, List<SearchIndex.Hit> hits, int words, TopicWords.Told told) {
        // the candidates on the answer's topic stand together: the best of them tells how clear the topic is
        List<SearchIndex.Hit> onTopic = hits.stream().filter(h -> h.topic().equals(best.topic())).toList();
        double score = onTopic.stream().mapToDouble(SearchIndex.Hit::score).max().orElse(best.score());
        double coverage = onTopic.stream().mapToDouble(SearchIndex.Hit::coverage).max().orElse(best.coverage());
        boolean decided = told.decided().filter(best.topic()::equals).isPresent();
        double needed;
        if (coverage >= minCoverage) {
            needed = minLead;
        } else if (coverage >= MIN_PARTIAL_COVERAGE && coverage * words >= 2) {
            needed = minLead * PARTIAL_LEAD;
        } else if (coverage >= MIN_DECIDED_COVERAGE && decided) {
            // "Мегаком или О! брать симку?": the one word matched decides the topic, and the answer is on it
            needed = minLead * DECIDED_LEAD;
        } else {
            needed = Double.POSITIVE_INFINITY;
        }
        boolean toldBest = told.tells(best.topic()) || told.tells(best.article().topic());
        // a question whose words say nothing of the answer's topic ("документы", "сколько стоит") is matched by its
        // words alone: the answer must lead further
        double lead = toldBest ? needed : needed * UNTOLD_LEAD;
        Optional<SearchIndex.Hit> rival = hits.stream().filter(h -> !h.topic().equals(best.topic())).findFirst();
        // a rival on a topic the question does not speak of at all, when its words decide the answer's, weighs less
        if (rival.map(r -> score >= lead * r.score() * (decided && !told.tells(r.topic()) ? UNTOLD_RIVAL : 1.0))
                .orElse(needed < Double.POSITIVE_INFINITY)) {
            return true;
        }
        // words that tell the answer's topic and none of the rival's, with a clear lead: a long question matches few
        // of its words, yet what it asks about is plain
        return toldBest && rival.map(r -> !told.tells(r.topic()) && score >= TOLD_LEAD * r.score()).orElse(true);
    }

    /** For each covered country, the best article of the topic for it, as if the question had named it. */
    private static Map<Destination, SearchIndex.Hit> picks(SearchIndex.Result result, String topic) {
        Map<Destination, SearchIndex.Hit> picks = new EnumMap<>(Destination.class);
        for (Destination country : Destination.values()) {
            if (country.covered()) {
                result.rankedFor(country).hits().stream()
                        .filter(h -> h.coverage() > 0 && h.article().topic().equals(topic)
                                && (h.countries().isEmpty() || h.countries().contains(country))
                                && !h.article().isElsewhere())
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
