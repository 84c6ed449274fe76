package org.relohelp.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Groups questions that ask the same thing: each question becomes the set of stems of its meaningful words
 * (Latin-typed Russian read as Cyrillic, stop words and fillers dropped), and a question joins the first group
 * whose set shares at least half of the union with its own (Jaccard). Hand-written: greedy grouping over a few
 * thousand short questions needs no clustering library, and the stemming is Lucene's.
 */
final class QuestionGroups {

    static final double SIMILAR = 0.5;
    private static final Pattern TRAILING = Pattern.compile("[\\s?!.…]+$");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /** A question as kept for curators. */
    record Asked(String text, String country, String language) {
    }

    /** Similar questions: their common words, how often each phrasing came, where from. */
    record Group(Set<String> terms, Map<String, Integer> phrasings, Map<String, Integer> countries, int count) {

        String mostCommon() {
            // on a tie, the Cyrillic phrasing reads easier than a Latin-typed one, and the shorter one is clearer
            return phrasings.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(e -> !Translit.hasLatin(e.getKey()))
                    .thenComparing(e -> -e.getKey().length())).orElseThrow().getKey();
        }
    }

    private final TextAnalysis analysis;

    QuestionGroups(TextAnalysis analysis) {
        this.analysis = analysis;
    }

    /** Groups, largest first; questions with no meaningful word ("???", "привет") are left out. */
    List<Group> group(List<Asked> questions) {
        Map<Set<String>, List<Asked>> same = new LinkedHashMap<>();
        for (Asked asked : questions) {
            Set<String> terms = terms(asked.text(), asked.language());
            if (!terms.isEmpty()) {
                same.computeIfAbsent(terms, t -> new ArrayList<>()).add(asked);
            }
        }
        List<Map.Entry<Set<String>, List<Asked>>> bySize = new ArrayList<>(same.entrySet());
        bySize.sort(Comparator.comparingInt((Map.Entry<Set<String>, List<Asked>> e) -> e.getValue().size()).reversed());
        List<Set<String>> keys = new ArrayList<>();
        List<List<Asked>> members = new ArrayList<>();
        for (Map.Entry<Set<String>, List<Asked>> entry : bySize) {
            int home = -1;
            for (int i = 0; i < keys.size() && home < 0; i++) {
                if (jaccard(keys.get(i), entry.getKey()) >= SIMILAR) {
                    home = i;
                }
            }
            if (home < 0) {
                keys.add(entry.getKey());
                members.add(new ArrayList<>(entry.getValue()));
            } else {
                members.get(home).addAll(entry.getValue());
            }
        }
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            groups.add(summary(keys.get(i), members.get(i)));
        }
        groups.sort(Comparator.comparingInt(Group::count).reversed());
        return groups;
    }

    /** {@code language} is the one the question was answered in: Latin words of a Russian one are transliterated. */
    Set<String> terms(String question, String language) {
        boolean latinIsRussian = "ru".equals(language);
        Set<String> terms = new TreeSet<>();
        Matcher words = WORD.matcher(question.toLowerCase(Locale.ROOT));
        while (words.find()) {
            String word = words.group();
            boolean russian = !Translit.hasLatin(word) || latinIsRussian;
            if (Translit.hasLatin(word) && latinIsRussian) {
                word = Translit.toCyrillic(word);
            }
            if (!analysis.isStopWord(word)) {
                TextAnalysis.tokens(russian ? analysis.russianIndex : analysis.englishIndex, "", word)
                        .forEach(token -> terms.add(token.term()));
            }
        }
        return terms;
    }

    /** One phrasing however it was typed: case, spaces and the final "?" do not make it another. */
    private static String phrasing(String text) {
        return TRAILING.matcher(text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)).replaceAll("");
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        return (double) common.size() / (a.size() + b.size() - common.size());
    }

    private static Group summary(Set<String> terms, List<Asked> asked) {
        Map<String, Integer> phrasings = asked.stream().collect(Collectors.toMap(
                q -> phrasing(q.text()), q -> 1, Integer::sum, LinkedHashMap::new));
        Map<String, Integer> countries = asked.stream().collect(Collectors.toMap(
                q -> q.country() == null ? "" : q.country(), q -> 1, Integer::sum, LinkedHashMap::new));
        return new Group(terms, phrasings, countries, asked.size());
    }
}
