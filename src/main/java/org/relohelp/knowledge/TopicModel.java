package org.relohelp.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which topic a question is about, learnt from questions whose topic is known: the questions people asked as a
 * curator labelled them ({@code asked.tsv}) and every section's own question variants. A naive Bayes model over the
 * question's word readings (the stems, transliterations and synonyms the search reads), with add-half smoothing;
 * its probabilities are tempered, since words of one question are far from independent. Where the words leave two
 * candidates close, {@link AnswerPicker} answers with the one on the topic the model is sure of: a question that
 * speaks as questions about SIM cards speak gets the SIM section, not a choice between it and a housing section.
 *
 * <p>Hand-written rather than a library: a multinomial naive Bayes over a thousand short texts is thirty lines, and
 * the search's own reading of the words is what it must learn from.
 */
final class TopicModel {

    /** A question and the topics it is about (two when it asks two things). */
    record Example(String text, List<String> topics) {
    }

    static final TopicModel NONE = new TopicModel(List.of(), new double[0], Map.of());

    private static final double SMOOTHING = 0.5;
    /** Divides the log-likelihoods: the words of one question say much the same thing, not independent things. */
    private static final double TEMPER = 3.0;

    private final List<String> topics;
    private final double[] logPriors;
    /** Feature → its log-likelihood per topic. */
    private final Map<String, double[]> likelihoods;

    private TopicModel(List<String> topics, double[] logPriors, Map<String, double[]> likelihoods) {
        this.topics = topics;
        this.logPriors = logPriors;
        this.likelihoods = likelihoods;
    }

    /** The model of {@code examples}, each read into features by {@code features}. */
    static TopicModel train(List<Example> examples, Function<String, Set<String>> features) {
        List<String> topics = examples.stream().flatMap(e -> e.topics().stream()).distinct().sorted().toList();
        if (topics.size() < 2) {
            return NONE;
        }
        Map<String, Integer> index = new HashMap<>();
        topics.forEach(t -> index.put(t, index.size()));
        double[] documents = new double[topics.size()];
        double[] totals = new double[topics.size()];
        Map<String, double[]> counts = new HashMap<>();
        for (Example example : examples) {
            Set<String> read = features.apply(example.text());
            double share = 1.0 / example.topics().size();
            for (String topic : example.topics()) {
                int t = index.get(topic);
                documents[t] += share;
                for (String feature : read) {
                    counts.computeIfAbsent(feature, f -> new double[topics.size()])[t] += share;
                    totals[t] += share;
                }
            }
        }
        double all = java.util.Arrays.stream(documents).sum();
        double[] priors = new double[topics.size()];
        for (int t = 0; t < priors.length; t++) {
            priors[t] = Math.log(documents[t] / all);
        }
        int vocabulary = counts.size();
        Map<String, double[]> likelihoods = new HashMap<>();
        counts.forEach((feature, perTopic) -> {
            double[] logs = new double[perTopic.length];
            for (int t = 0; t < logs.length; t++) {
                logs[t] = Math.log((perTopic[t] + SMOOTHING) / (totals[t] + SMOOTHING * vocabulary));
            }
            likelihoods.put(feature, logs);
        });
        return new TopicModel(topics, priors, likelihoods);
    }

    /** Each topic's probability for a question with these features; empty when the model knows none of them. */
    Map<String, Double> topics(Set<String> features) {
        double[] scores = logPriors.clone();
        boolean known = false;
        for (String feature : features) {
            double[] logs = likelihoods.get(feature);
            if (logs != null) {
                known = true;
                for (int t = 0; t < scores.length; t++) {
                    scores[t] += logs[t] / TEMPER;
                }
            }
        }
        if (!known) {
            return Map.of();
        }
        double max = java.util.Arrays.stream(scores).max().orElse(0);
        double sum = 0;
        for (int t = 0; t < scores.length; t++) {
            scores[t] = Math.exp(scores[t] - max);
            sum += scores[t];
        }
        Map<String, Double> probabilities = new HashMap<>();
        for (int t = 0; t < scores.length; t++) {
            probabilities.put(topics.get(t), scores[t] / sum);
        }
        return probabilities;
    }

    /**
     * The labelled questions of {@code asked.tsv}: a question, a tab, its topic ({@code housing|stay} for two);
     * lines starting with # are comments. No file: none.
     */
    static List<Example> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<Example> examples = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                if (cells.length < 2) {
                    throw new IllegalArgumentException(file + ": a line without a topic: " + line.length()
                            + " characters");
                }
                examples.add(new Example(cells[0].strip(), List.of(cells[1].strip().split("\\|"))));
            }
            return examples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
