package org.relohelp.knowledge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;

/**
 * Runs the evaluation questions ({@code src/test/resources/knowledge/questions-*.tsv}) against the real
 * knowledge folder and search, without a database or Telegram. Used by {@link SearchQualityTest} and as the
 * command {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.relohelp.knowledge.SearchEvaluation} (add {@code -Dexec.args=-v} to list misses).
 */
public final class SearchEvaluation {

    static final Path KNOWLEDGE = Path.of("config/knowledge");
    static final Path QUESTIONS = Path.of("src/test/resources/knowledge");

    record Question(String text, String expected, Optional<Country> profileCountry, String file) {
    }

    record Outcome(Question question, List<String> ranked, Optional<String> answered) {
        boolean top1() {
            return !ranked.isEmpty() && ranked.get(0).equals(question.expected());
        }

        boolean top3() {
            return ranked.stream().limit(3).anyMatch(question.expected()::equals);
        }

        boolean answeredRight() {
            return answered.filter(question.expected()::equals).isPresent();
        }

        boolean answeredWrong() {
            return answered.isPresent() && !answeredRight();
        }
    }

    record Summary(List<Outcome> outcomes) {
        double share(java.util.function.Predicate<Outcome> p) {
            return outcomes.stream().filter(p).count() / (double) outcomes.size();
        }

        double top1() {
            return share(Outcome::top1);
        }

        double top3() {
            return share(Outcome::top3);
        }
    }

    static Summary run() throws IOException {
        List<Article> articles = loadArticles(KNOWLEDGE);
        TextAnalysis analysis = new TextAnalysis(KNOWLEDGE.resolve("synonyms.txt"));
        SearchIndex index = new SearchIndex(analysis, new PlaceNames(KNOWLEDGE.resolve("places.yml"), analysis));
        index.rebuild(articles);
        AnswerPicker picker = new AnswerPicker(0.5, 1.25);
        List<Outcome> outcomes = new ArrayList<>();
        for (Question q : loadQuestions(QUESTIONS)) {
            Language language = Answers.languageOf(q.text(), Language.RU);
            SearchIndex.Result result = index.search(q.text(), q.profileCountry(), language);
            List<String> ranked = result.hits().stream().filter(h -> h.coverage() > 0)
                    .map(h -> h.article().id()).toList();
            outcomes.add(new Outcome(q, ranked, picker.pick(result).answer().map(Article::id)));
        }
        return new Summary(outcomes);
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

    static List<Question> loadQuestions(Path dir) throws IOException {
        List<Question> questions = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.getFileName().toString().matches("questions-.*\\.tsv")).sorted()
                    .toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] cells = line.split("\t");
                    Optional<Country> country = cells.length > 2 ? Country.fromCode(cells[2]) : Optional.empty();
                    questions.add(new Question(cells[0].strip(), cells[1].strip(), country,
                            file.getFileName().toString()));
                }
            }
        }
        return questions;
    }

    public static void main(String[] args) throws IOException {
        Summary summary = run();
        boolean verbose = args.length > 0 && args[0].equals("-v");
        for (Outcome o : summary.outcomes()) {
            if (verbose && !o.top1()) {
                System.out.printf("MISS  %-60s expected %-14s got %s%n", o.question().text() + " ["
                        + o.question().profileCountry().map(Enum::name).orElse("-") + "]", o.question().expected(),
                        o.ranked().stream().limit(3).toList());
            }
        }
        System.out.printf("questions: %d%n", summary.outcomes().size());
        System.out.printf("top-1 accuracy: %.1f%%%n", 100 * summary.top1());
        System.out.printf("top-3 accuracy: %.1f%%%n", 100 * summary.top3());
        System.out.printf("answered directly with the right article: %.1f%%%n",
                100 * summary.share(Outcome::answeredRight));
        System.out.printf("answered directly with a wrong article: %.1f%%%n",
                100 * summary.share(Outcome::answeredWrong));
    }
}
