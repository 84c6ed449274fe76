package org.relohelp.knowledge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;

/**
 * Runs question sets against the real knowledge folder, search and answer choice, without a database or Telegram,
 * and reports per set: the first reply right (the right article's section, or "which country?" when the question
 * leaves its country open), the right article within the first three, and confident wrong answers. Used by
 * {@link SearchQualityTest} and as the command {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.relohelp.knowledge.SearchEvaluation} (arguments: {@code -v} lists the misses, {@code -d} with
 * the scores of the best three, {@code -warm} times a second run, {@code -map}
 * the expected articles, {@code -test} adds the held-out test sets, {@code -cv} measures each labelled dev set
 * with the topic model learnt without it, and any number of files in the labelled format below are evaluated as
 * sets of their own).
 *
 * <p>The held-out test sets in {@code src/test/resources/knowledge/test/} ({@code questions-*.tsv} and the blind
 * {@code blind-test.tsv}) were never read while the search was tuned; they are reported only with {@code -test},
 * so that tuning runs do not show them, and no test gates them: a figure measured on them says how the bot does on
 * questions nobody here wrote, only as long as nobody tunes on them.
 *
 * <p>Two formats. The dev set, {@code src/test/resources/knowledge/questions-*.tsv}: question, expected article
 * id ({@code a|b} when either is right), profile country ({@code -} for none). Labelled sets ({@code *.tsv} given as arguments, and
 * {@code src/test/resources/knowledge/labelled-*.tsv}): question, COUNTRY, TOPIC, PROFILE as described in the
 * evaluation's TOPICS.md (COUNTRY one of KZ UZ KG TJ GE AM, AZ TR RS MN, ALL or ?; TOPIC may be {@code a|b});
 * {@link #expected} maps country and topic to the articles that are right.
 */
public final class SearchEvaluation {

    static final Path KNOWLEDGE = Path.of("config/knowledge");
    static final Path QUESTIONS = Path.of("src/test/resources/knowledge");
    /** The production defaults; {@code -Dcov=} and {@code -Dlead=} try others. */
    private static final double MIN_COVERAGE = Double.parseDouble(System.getProperty("cov",
            KnowledgeProperties.DEFAULT_MIN_COVERAGE));
    private static final double MIN_LEAD = Double.parseDouble(System.getProperty("lead",
            KnowledgeProperties.DEFAULT_MIN_LEAD));

    /**
     * One question and what is right for it: {@code expected} articles, or, when {@code askCountry}, the question
     * "which country?" about one of {@code topics} ({@code expected} then holds that topic's articles, for the
     * first-three measure).
     */
    record Question(String text, Set<String> expected, boolean askCountry, Set<String> topics,
                    Optional<Country> profileCountry, String label) {
    }

    enum Kind { ANSWER, WHICH_COUNTRY, ELSEWHERE, CHOOSE }

    /** The bot's first reply: its kind, and the article it answered with or the topic it asked the country for. */
    record FirstReply(Kind kind, Optional<String> article, Optional<String> topic) {
    }

    record Outcome(Question question, List<String> ranked, FirstReply first, String scores) {

        /** The best candidate is a right article: what a perfect answer choice would get. */
        boolean bestRight() {
            return question.askCountry() ? firstRight()
                    : !ranked.isEmpty() && question.expected().contains(ranked.get(0));
        }

        boolean firstRight() {
            if (question.askCountry()) {
                return first.kind() == Kind.WHICH_COUNTRY && first.topic().filter(question.topics()::contains)
                        .isPresent();
            }
            return first.article().filter(question.expected()::contains).isPresent();
        }

        boolean withinThree() {
            return firstRight() || ranked.stream().limit(3).anyMatch(question.expected()::contains);
        }

        /** An answer with an article that is not right (for a question without a country: any article at all). */
        boolean confidentWrong() {
            return first.article().isPresent() && !firstRight();
        }
    }

    record Summary(String name, List<Outcome> outcomes) {
        double share(Predicate<Outcome> p) {
            return outcomes.isEmpty() ? 0 : outcomes.stream().filter(p).count() / (double) outcomes.size();
        }

        double firstRight() {
            return share(Outcome::firstRight);
        }

        double withinThree() {
            return share(Outcome::withinThree);
        }

        double confidentWrong() {
            return share(Outcome::confidentWrong);
        }
    }

    /** The articles and the search over them, built once for any number of sets. */
    static final class Bench {
        final List<Article> articles;
        private final SearchIndex index;
        private final AnswerPicker picker = new AnswerPicker(MIN_COVERAGE, MIN_LEAD);

        Bench() throws IOException {
            this(Set.of());
        }

        /** With the topic model learnt from {@code asked.tsv} without these questions (normalised: {@link #normal}). */
        Bench(Set<String> unlearnt) throws IOException {
            articles = loadArticles(KNOWLEDGE);
            TextAnalysis analysis = new TextAnalysis(KNOWLEDGE.resolve("synonyms.txt"));
            TopicWords topics = TopicWords.read(KNOWLEDGE.resolve("topics.yml"), analysis);
            if (!unlearnt.isEmpty()) {
                topics = topics.withAsked(topics.asked().stream().filter(e -> !unlearnt.contains(normal(e.text())))
                        .toList());
            }
            index = new SearchIndex(analysis, new PlaceNames(KNOWLEDGE.resolve("places.yml"), analysis),
                    new PlaceNames(KNOWLEDGE.resolve("country-words.yml"), analysis), topics);
            index.rebuild(articles);
        }

        Summary run(String name, List<Question> questions) {
            List<Outcome> outcomes = new ArrayList<>();
            for (Question q : questions) {
                Language language = Answers.languageOf(q.text(), Language.RU);
                SearchIndex.Result result = index.search(q.text(), q.profileCountry(), language);
                List<String> ranked = result.hits().stream().filter(h -> h.coverage() > 0)
                        .map(h -> h.article().id()).toList();
                String scores = result.hits().stream().limit(3).map(h -> String.format("%s#%s(%s) %.1f/%.2f",
                        h.article().id(), h.sectionId(), h.topic(), h.score(), h.coverage())).collect(Collectors.joining(", "))
                        + " | " + result.where().how() + result.where().country().map(c -> " " + c).orElse("")
                        + result.told().decided().map(t -> " asks " + t).orElse("") + " " + result.told().weights()
                        + " learnt " + result.learnt().entrySet().stream().filter(e -> e.getValue() >= 0.05)
                        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                        .map(e -> String.format("%s %.2f", e.getKey(), e.getValue())).toList();
                outcomes.add(new Outcome(q, ranked, firstReply(picker.pick(result)), scores));
            }
            return new Summary(name, outcomes);
        }

        /** What {@link Answers} sends first for a decision. */
        private FirstReply firstReply(AnswerPicker.Decision decision) {
            if (decision instanceof AnswerPicker.Answer answer) {
                return new FirstReply(Kind.ANSWER, Optional.of(answer.hit().article().id()), Optional.empty());
            }
            if (decision instanceof AnswerPicker.AskCountry ask) {
                return new FirstReply(Kind.WHICH_COUNTRY, Optional.empty(), Optional.of(ask.topic()));
            }
            if (decision instanceof AnswerPicker.Elsewhere other) {
                Optional<String> article = other.hit().map(h -> h.article().id()).or(() -> articles.stream()
                        .filter(a -> a.isElsewhere() && a.isFor(other.country())).map(Article::id).sorted()
                        .findFirst());
                return new FirstReply(Kind.ELSEWHERE, article, Optional.empty());
            }
            return new FirstReply(Kind.CHOOSE, Optional.empty(), Optional.empty());
        }
    }

    static String normal(String text) {
        return text.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
    }

    /**
     * Each labelled dev set measured with the topic model learnt from everything in {@code asked.tsv} but that set's
     * questions: how the model does on questions it has not seen, from the dev sets alone ({@code -cv}).
     */
    static List<Summary> leaveOneSetOut() throws IOException {
        List<Summary> summaries = new ArrayList<>();
        for (Path file : files(QUESTIONS, "labelled-.*\\.tsv")) {
            List<String> texts = rows(file).stream().map(cells -> normal(cells[0])).toList();
            Bench bench = new Bench(Set.copyOf(texts));
            summaries.add(bench.run(file.getFileName() + " (not learnt)", loadLabelled(file, bench.articles)));
        }
        return summaries;
    }

    /** The dev set as a regression gate: {@code questions-*.tsv}. */
    static Summary run() throws IOException {
        return new Bench().run("dev", loadQuestions(QUESTIONS));
    }

    /** One labelled dev set ({@code labelled-<name>.tsv}) as a regression gate. */
    static Summary runLabelled(String name) throws IOException {
        Bench bench = new Bench();
        Path file = QUESTIONS.resolve("labelled-" + name + ".tsv");
        return bench.run(name, loadLabelled(file, bench.articles));
    }

    static List<Article> loadArticles(Path dir) throws IOException {
        ArticleFileParser parser = new ArticleFileParser();
        List<Article> articles = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                try {
                    articles.add(parser.parse(dir.relativize(file).toString().replace('\\', '/'),
                            Files.readString(file, StandardCharsets.UTF_8)));
                } catch (InvalidArticleException e) {
                    throw new IllegalStateException(file + ": " + e.getMessage(), e);
                }
            }
        }
        return articles;
    }

    /** The dev set: question, expected article id, profile country. */
    static List<Question> loadQuestions(Path dir) throws IOException {
        List<Question> questions = new ArrayList<>();
        for (Path file : files(dir, "questions-.*\\.tsv")) {
            for (String[] cells : rows(file)) {
                Optional<Country> country = cells.length > 2 ? Country.fromCode(cells[2]) : Optional.empty();
                questions.add(new Question(cells[0].strip(), Set.of(cells[1].strip().split("\\|")), false, Set.of(),
                        country,
                        file.getFileName() + ": expected " + cells[1].strip()));
            }
        }
        return questions;
    }

    /** A labelled set: question, COUNTRY, TOPIC, PROFILE; the expected articles come from {@link #expected}. */
    static List<Question> loadLabelled(Path file, List<Article> articles) throws IOException {
        List<Question> questions = new ArrayList<>();
        for (String[] cells : rows(file)) {
            if (cells.length < 4) {
                throw new IllegalArgumentException(file + ": not question, COUNTRY, TOPIC, PROFILE: "
                        + String.join(" | ", cells));
            }
            String country = cells[1].strip();
            Set<String> topics = new LinkedHashSet<>(Arrays.asList(cells[2].strip().split("\\|")));
            questions.add(new Question(cells[0].strip(), expected(articles, country, topics), country.equals("?"),
                    topics, Country.fromCode(cells[3].strip()), country + " " + cells[2].strip() + " profile "
                    + cells[3].strip()));
        }
        return questions;
    }

    /**
     * The mapping from a question's labels to the articles that answer it: for one of the six countries, the
     * articles of the topic written for that country (a general article of the topic when there is none); for
     * ALL, the general articles of the topic; for a destination the bot does not cover, its short article whatever
     * the topic; for "?", every article of the topic. {@link #OVERRIDES} names articles where this is not enough.
     */
    static Set<String> expected(List<Article> articles, String country, Set<String> topics) {
        Set<String> ids = new LinkedHashSet<>();
        Optional<Destination> destination = Destination.fromCode(country);
        if (destination.isPresent() && !destination.get().covered()) {
            articles.stream().filter(a -> a.isElsewhere() && a.isFor(destination.get())).map(Article::id)
                    .forEach(ids::add);
            if (topics.contains("safety")) {
                // TOPICS.md: safety is "travelling back or through third countries" too; "через Стамбул" is labelled
                // TR by some writers and ALL by others, and the general safety article answers it either way
                articles.stream().filter(a -> a.topic().equals("safety") && a.isGeneral()).map(Article::id)
                        .forEach(ids::add);
            }
            return ids;
        }
        for (String topic : topics) {
            String override = OVERRIDES.get(country + "/" + topic);
            if (override != null) {
                ids.add(override);
                continue;
            }
            List<Article> ofTopic = articles.stream().filter(a -> a.topic().equals(topic) && !a.isElsewhere())
                    .toList();
            if (destination.isPresent()) {
                List<String> own = ofTopic.stream().filter(a -> !a.isGeneral() && a.isFor(destination.get()))
                        .map(Article::id).toList();
                ids.addAll(own.isEmpty() ? ofTopic.stream().filter(Article::isGeneral).map(Article::id).toList()
                        : own);
            } else if (country.equals("ALL")) {
                ids.addAll(ofTopic.stream().filter(Article::isGeneral).map(Article::id).toList());
            } else {
                ofTopic.stream().map(Article::id).forEach(ids::add);
            }
        }
        return ids;
    }

    /** Country/topic → article, where the rule above picks the wrong one. */
    static final Map<String, String> OVERRIDES = Map.of();

    private static List<Path> files(Path dir, String pattern) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches(pattern)).sorted().toList();
        }
    }

    private static List<String[]> rows(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).map(line -> line.split("\t")).toList();
    }

    public static void main(String[] args) throws IOException {
        List<String> arguments = List.of(args);
        boolean verbose = arguments.contains("-v") || arguments.contains("-d");
        if (arguments.contains("-cv")) {
            List<Outcome> all = new ArrayList<>();
            for (Summary summary : leaveOneSetOut()) {
                System.out.printf("%-40s first %5.1f%%  three %5.1f%%  wrong %5.1f%%%n", summary.name(),
                        100 * summary.firstRight(), 100 * summary.withinThree(), 100 * summary.confidentWrong());
                all.addAll(summary.outcomes());
            }
            Summary pooled = new Summary("all labelled dev sets, each not learnt", all);
            System.out.printf("%-40s first %5.1f%%  three %5.1f%%  wrong %5.1f%% (%d questions)%n", pooled.name(),
                    100 * pooled.firstRight(), 100 * pooled.withinThree(), 100 * pooled.confidentWrong(), all.size());
            return;
        }
        Bench bench = new Bench();
        if (arguments.contains("-topics")) {
            // a section's topic is read from its titles in both languages, as the index reads it
            Map<String, String> titles = new LinkedHashMap<>();
            bench.articles.forEach(a -> a.sections().forEach(s -> titles.merge(a.id() + "#" + s.id(), s.title(),
                    (x, y) -> x + "\n" + y)));
            bench.articles.stream().filter(a -> a.language() == Language.RU).forEach(a -> a.sections().forEach(s -> {
                String topic = bench.index.sectionTopic(a, s, titles.get(a.id() + "#" + s.id()));
                if (!topic.equals(a.topic())) {
                    System.out.printf("TOPIC %s#%s (%s): %s — %s%n", a.id(), s.id(), a.topic(), topic, s.title());
                }
            }));
        }
        Map<String, List<Question>> sets = new LinkedHashMap<>();
        sets.put("dev (questions-*.tsv)", loadQuestions(QUESTIONS));
        for (Path file : files(QUESTIONS, "labelled-.*\\.tsv")) {
            sets.put(file.toString(), loadLabelled(file, bench.articles));
        }
        if (arguments.contains("-test")) {
            Path test = QUESTIONS.resolve("test");
            sets.put("held-out test (test/questions-*.tsv)", loadQuestions(test));
            for (Path file : files(test, ".*\\.tsv")) {
                if (!file.getFileName().toString().startsWith("questions-")) {
                    sets.put("held-out " + file, loadLabelled(file, bench.articles));
                }
            }
        }
        for (String argument : arguments) {
            if (argument.endsWith(".tsv")) {
                sets.put(argument, loadLabelled(Path.of(argument), bench.articles));
            }
        }
        for (Map.Entry<String, List<Question>> set : sets.entrySet()) {
            if (arguments.contains("-warm")) {
                bench.run(set.getKey(), set.getValue()); // timed once the JIT and the per-word caches are warm
            }
            long started = System.nanoTime();
            Summary summary = bench.run(set.getKey(), set.getValue());
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (arguments.contains("-map")) {
                set.getValue().stream().collect(Collectors.groupingBy(Question::label, LinkedHashMap::new,
                        Collectors.mapping(Question::expected, Collectors.toSet())))
                        .forEach((label, expected) -> System.out.printf("MAP   %-40s %s%n", label, expected));
            }
            for (Outcome o : summary.outcomes()) {
                if (verbose && !o.firstRight()) {
                    System.out.printf("%s %-70s %-32s first %s%s, ranked %s%n",
                            o.confidentWrong() ? "WRONG" : "MISS ", o.question().text() + " ["
                                    + o.question().profileCountry().map(Enum::name).orElse("-") + "]",
                            o.question().askCountry() ? "which country? " + o.question().topics()
                                    : o.question().expected().isEmpty() ? "(no article: " + o.question().label() + ")"
                                    : o.question().expected().toString(),
                            o.first().kind(), o.first().article().or(o.first()::topic).map(a -> " " + a).orElse(""),
                            arguments.contains("-d") ? o.scores() : o.ranked().stream().limit(3).toList());
                }
            }
            long unmapped = summary.outcomes().stream().filter(o -> !o.question().askCountry()
                    && o.question().expected().isEmpty()).count();
            System.out.printf("%s: %d questions (%d ms)%s%n", summary.name(), summary.outcomes().size(), millis,
                    unmapped > 0 ? ", " + unmapped + " without an article for their labels (counted as misses)" : "");
            System.out.printf("  first reply right:             %5.1f%%%n", 100 * summary.firstRight());
            System.out.printf("  right article within three:    %5.1f%%%n", 100 * summary.withinThree());
            System.out.printf("  confident wrong:               %5.1f%%%n", 100 * summary.confidentWrong());
            System.out.printf("  (best candidate right:         %5.1f%%)%n", 100 * summary.share(Outcome::bestRight));
            System.out.printf("  first replies: %s%n", Arrays.stream(Kind.values()).map(k -> k + " " + summary
                    .outcomes().stream().filter(o -> o.first().kind() == k).count()).collect(Collectors.joining(", ")));
        }
    }
}
