package org.relohelp.knowledge;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code topics.yml}: for each topic, the words that tell a text is about it ("хата": housing, "внж": residence).
 * The search finds every section of an article on a topic by its words; and a section whose title speaks of
 * another topic (a housing article's "Хозяин и регистрация") is known to be about that one.
 */
final class TopicWords {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    /** Topics whose articles are checklists touching other topics. */
    static final java.util.Set<String> OVERVIEWS = java.util.Set.of("first-days");
    /** A word after these is what the question is not about ("ИНН без ВНЖ", "a card without a residence permit"). */
    static final java.util.Set<String> WITHOUT = java.util.Set.of("без", "bez", "without", "кроме");
    /** The topic a word after "без" still tells. */
    private static final String STAY = "stay";

    /** Topic → its words, as written (a leading "!" marks a word that decides the topic). */
    private final Map<String, List<String>> words;
    /**
     * Forms of topic words that tell no topic, written with a leading "-" ("-работает": "карта не работает" is about
     * a card that does not work, not about a job); lower case, ё as е.
     */
    private final java.util.Set<String> untold;
    /** Stem → the topics it tells and how strongly (3 for a decisive word, else 1), for reading titles. */
    private final Map<String, Map<String, Integer>> byStem = new HashMap<>();
    /** A question's stems that are no topic word → the topics of the topic word one letter off, if any. */
    private final Map<String, Map<String, Integer>> nearby = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MIN_FUZZY = 6;
    /** The weight of a decisive word ("!внж"); an ordinary word weighs 1. */
    private static final int DECISIVE = 3;
    private static final int MAX_CACHED_WORDS = 20_000;
    private static final org.apache.lucene.search.spell.LevenshteinDistance EDITS =
            new org.apache.lucene.search.spell.LevenshteinDistance();

    /** Questions whose topics are known, from {@code asked.tsv} beside {@code topics.yml}: {@link TopicModel}. */
    private final List<TopicModel.Example> asked;

    private TopicWords(Map<String, List<String>> all, TextAnalysis analysis, List<TopicModel.Example> asked) {
        this.asked = List.copyOf(asked);
        Map<String, List<String>> words = new LinkedHashMap<>();
        java.util.Set<String> untold = new java.util.HashSet<>();
        all.forEach((topic, list) -> {
            words.put(topic, list.stream().filter(w -> !w.startsWith("-")).toList());
            list.stream().filter(w -> w.startsWith("-"))
                    .forEach(w -> untold.add(w.substring(1).toLowerCase(java.util.Locale.ROOT).replace('ё', 'е')));
        });
        this.words = words;
        this.untold = java.util.Set.copyOf(untold);
        words.forEach((topic, list) -> list.forEach(word -> readings(analysis, word.replace("!", ""))
                .forEach(readings -> readings.forEach(stem -> byStem.computeIfAbsent(stem, s -> new HashMap<>())
                        .merge(topic, word.startsWith("!") ? DECISIVE : 1, Math::max)))));
    }

    /** Whether a question's word, as typed (lower case, ё as е), is a form that tells no topic. */
    boolean untold(String word) {
        return untold.contains(word);
    }

    static TopicWords none() {
        return new TopicWords(Map.of(), null, List.of());
    }

    List<TopicModel.Example> asked() {
        return asked;
    }

    /** The same words with other asked questions: for evaluating the topic model on questions it did not learn. */
    TopicWords withAsked(List<TopicModel.Example> others) {
        return new TopicWords(this, others);
    }

    private TopicWords(TopicWords other, List<TopicModel.Example> asked) {
        this.asked = List.copyOf(asked);
        this.words = other.words;
        this.untold = other.untold;
        this.byStem.putAll(other.byStem);
    }

    /** The text every section of an article on the topic is found by; a decisive word counts three times. */
    String searchText(String topic) {
        return String.join(" ", words.getOrDefault(topic, List.of()).stream()
                .map(w -> w.startsWith("!") ? (w.substring(1) + " ").repeat(3).strip() : w).toList());
    }

    /**
     * The topic a section is about: its article's, unless its title tells another more, and more than in passing (by a
     * decisive word or two words), as "Хозяин и регистрация (прописка)" in a housing article tells registration.
     * {@code titles} are the section's titles in its languages, one a line: each tells on its own, and a topic counts
     * as strongly as the title that tells it most ("карты" and "card" are one word said twice, not two words).
     */
    String topicOf(String titles, String articleTopic, TextAnalysis analysis) {
        Map<String, Integer> weights = new HashMap<>();
        titles.lines().forEach(title -> weights(title, analysis).forEach((topic, weight) -> weights.merge(topic,
                weight, Math::max)));
        int own = weights.getOrDefault(articleTopic, 0);
        // a checklist's sections are each about another topic: one word of it is enough
        int enough = OVERVIEWS.contains(articleTopic) ? 1 : 2;
        return weights.entrySet().stream().filter(e -> e.getValue() > own && e.getValue() >= enough)
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(articleTopic);
    }

    /**
     * What a question's words tell of its topics: how strongly each is told, and the topics a decisive word of the
     * question tells.
     */
    record Told(Map<String, Integer> weights, java.util.Set<String> decisive) {
        static final Told NOTHING = new Told(Map.of(), java.util.Set.of());

        /**
         * The one topic a decisive word of the question ("внж", "imei") belongs to, if its words decide one; three
         * ordinary words of one topic decide nothing.
         */
        Optional<String> decided() {
            return decisive.size() == 1 ? decisive.stream().findFirst() : Optional.empty();
        }

        boolean tells(String topic) {
            return weights.containsKey(topic);
        }
    }

    /**
     * What a question's words tell of its topics, read as the search reads them: misspellings corrected
     * ("регестрация" tells registration), a word after "без" telling nothing but the stay ("сколько можно жить без
     * регистрации" is about the stay, "карта без ВНЖ" not about residence permits), each distinct word counted once
     * with its strongest reading; synonyms tell nothing.
     */
    Told told(List<QuestionReader.WordQuery> words) {
        Map<String, Integer> weights = new HashMap<>();
        java.util.Set<String> decisive = new java.util.HashSet<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (QuestionReader.WordQuery word : words) {
            if (!seen.add(word.key()) || word.untold()) {
                continue;
            }
            Map<String, Integer> strongest = new HashMap<>();
            word.readings().forEach((reading, synonym) -> {
                if (!synonym) {
                    int colon = reading.indexOf(':');
                    String term = reading.substring(colon + 1);
                    String stem = reading.startsWith("_en") ? "en:" + term : term;
                    topicsOf(stem).forEach((topic, weight) -> {
                        if (!word.negated() || topic.equals(STAY)) {
                            strongest.merge(topic, weight, Math::max);
                        }
                    });
                }
            });
            strongest.forEach((topic, weight) -> weights.merge(topic, weight, Integer::sum));
            strongest.forEach((topic, weight) -> {
                if (weight >= DECISIVE) {
                    decisive.add(topic);
                }
            });
        }
        return new Told(Map.copyOf(weights), java.util.Set.copyOf(decisive));
    }

    /**
     * The topics a question's Russian stem tells: its own, or, for a stem of six letters or more that is no topic word,
     * those of the topic word one letter off ("регестрац" is "регистрац": a misspelling the articles themselves
     * carry as a search word is not corrected by the search).
     */
    private Map<String, Integer> topicsOf(String stem) {
        Map<String, Integer> exact = byStem.get(stem);
        if (exact != null || stem.length() < MIN_FUZZY || stem.startsWith("en:")) {
            return exact == null ? Map.of() : exact;
        }
        if (nearby.size() > MAX_CACHED_WORDS) {
            nearby.clear();
        }
        return nearby.computeIfAbsent(stem, word -> byStem.entrySet().stream()
                .filter(e -> e.getKey().length() >= MIN_FUZZY && !e.getKey().startsWith("en:")
                        && Math.abs(e.getKey().length() - word.length()) <= 1
                        && EDITS.getDistance(e.getKey(), word) >= 1f - 1f / Math.max(e.getKey().length(), word.length()))
                .map(Map.Entry::getValue).findFirst().orElse(Map.of()));
    }

    /** How strongly a title tells each topic: per distinct word, its strongest reading, summed. */
    private Map<String, Integer> weights(String text, TextAnalysis analysis) {
        Map<String, Integer> weights = new HashMap<>();
        for (java.util.Set<String> word : new java.util.LinkedHashSet<>(readings(analysis, text))) {
            Map<String, Integer> strongest = new HashMap<>();
            word.forEach(stem -> byStem.getOrDefault(stem, Map.of())
                    .forEach((topic, weight) -> strongest.merge(topic, weight, Math::max)));
            strongest.forEach((topic, weight) -> weights.merge(topic, weight, Integer::sum));
        }
        return weights;
    }

    /**
     * Each word of a text as the stems it may be read as: Russian, Latin-typed Russian, English. Stop words and
     * Latin words of two letters are left out ("in" read as Russian would be "ин", the stem of "ИНН").
     */
    private static List<java.util.Set<String>> readings(TextAnalysis analysis, String text) {
        List<java.util.Set<String>> words = new java.util.ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(java.util.Locale.ROOT));
        boolean without = false;
        while (m.find()) {
            String word = m.group();
            if (WITHOUT.contains(word)) {
                without = true;
                continue;
            }
            if ((word.length() < 3 && Translit.hasLatin(word)) || analysis.isStopWord(word)) {
                continue;
            }
            if (without) {
                without = false;
                continue;
            }
            java.util.Set<String> stems = new java.util.TreeSet<>(analysis.russianStems(word));
            if (Translit.hasLatin(word)) {
                stems.addAll(analysis.russianStems(Translit.toCyrillic(word)));
                TextAnalysis.tokens(analysis.englishIndex, "", word).forEach(t -> stems.add("en:" + t.term()));
            }
            words.add(stems);
        }
        return words;
    }

    static TopicWords read(Path file, TextAnalysis analysis) {
        if (file == null || !Files.isRegularFile(file)) {
            return none();
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            if (!(loaded instanceof Map<?, ?> map)) {
                throw new IllegalStateException(file + " must map topics to lists of words");
            }
            Map<String, List<String>> topics = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String topic = String.valueOf(entry.getKey());
                if (!ArticleFileParser.TOPICS.contains(topic) || !(entry.getValue() instanceof List<?> list)) {
                    throw new IllegalStateException(file + ": '" + topic + "' is not a topic with a list of words "
                            + "(topics: " + ArticleFileParser.TOPICS + ")");
                }
                topics.put(topic, list.stream().map(String::valueOf).toList());
            }
            List<TopicModel.Example> asked = TopicModel.read(file.resolveSibling("asked.tsv"));
            asked.stream().flatMap(e -> e.topics().stream()).filter(t -> !ArticleFileParser.TOPICS.contains(t))
                    .findFirst().ifPresent(t -> {
                        throw new IllegalStateException(file.resolveSibling("asked.tsv") + ": '" + t
                                + "' is not a topic (topics: " + ArticleFileParser.TOPICS + ")");
                    });
            return new TopicWords(topics, analysis, asked);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
