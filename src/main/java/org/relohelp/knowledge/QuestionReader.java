package org.relohelp.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.relohelp.chat.Country;

/**
 * Reads a question the way a volunteer would: which country it names, and for each meaningful word the
 * forms it may take — its Russian and English stems, the Cyrillic of a word typed in Latin letters, and
 * synonyms (weaker than the word itself). Each word becomes one query in which its best match counts.
 */
final class QuestionReader {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int MAX_WORDS = 40;
    private static final float SYNONYM_WEIGHT = 0.6f;

    private final TextAnalysis analysis;
    private final PlaceNames places;

    QuestionReader(TextAnalysis analysis, PlaceNames places) {
        this.analysis = analysis;
        this.places = places;
    }

    /** The question's word queries (one per meaningful word), all of them as one query, the named country. */
    record Question(List<Query> words, Query query, Optional<Country> namedCountry) {
    }

    private record Word(String text, int start, int end, String latinAsCyrillic) {
    }

    Question read(String text) {
        List<Word> words = words(text);
        if (words.isEmpty()) {
            return new Question(List.of(), new BooleanQuery.Builder().build(), Optional.empty());
        }
        StringBuilder cyrillic = new StringBuilder();
        int[] cyrillicStarts = new int[words.size()];
        for (int i = 0; i < words.size(); i++) {
            cyrillicStarts[i] = cyrillic.length();
            cyrillic.append(words.get(i).latinAsCyrillic()).append(' ');
        }
        List<Map<String, Query>> clauses = new ArrayList<>();
        words.forEach(w -> clauses.add(new LinkedHashMap<>()));
        for (TextAnalysis.Token t : TextAnalysis.tokens(analysis.russianQuery, "", text)) {
            addClauses(clauses.get(wordAt(words, t.startOffset())), "_ru", t);
        }
        for (TextAnalysis.Token t : TextAnalysis.tokens(analysis.russianQuery, "", cyrillic.toString())) {
            addClauses(clauses.get(wordStartingBefore(cyrillicStarts, t.startOffset())), "_ru", t);
        }
        for (TextAnalysis.Token t : TextAnalysis.tokens(analysis.englishQuery, "", text)) {
            int word = wordAt(words, t.startOffset());
            if (Translit.hasLatin(words.get(word).text())) {
                addClauses(clauses.get(word), "_en", t);
            }
        }

        List<String> plain = words.stream().map(w -> normalise(w.text())).toList();
        List<String> cyrillicised = words.stream().map(w -> normalise(w.latinAsCyrillic())).toList();
        Optional<Country> named = places.named(cyrillicised).or(() -> places.named(plain));
        boolean[] place = places.positions(plain);
        boolean[] cyrillicPlace = places.positions(cyrillicised);

        List<Query> wordQueries = new ArrayList<>();
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            String lower = w.text().toLowerCase(Locale.ROOT);
            boolean meaningless = analysis.isStopWord(lower) || analysis.isStopWord(w.latinAsCyrillic());
            if (place[i] || cyrillicPlace[i] || meaningless || clauses.get(i).isEmpty()) {
                continue;
            }
            Query word = new DisjunctionMaxQuery(clauses.get(i).values(), 0.1f);
            wordQueries.add(word);
            all.add(word, Occur.SHOULD);
        }
        return new Question(wordQueries, all.build(), named);
    }

    private static String normalise(String word) {
        return word.toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find() && words.size() < MAX_WORDS) {
            String word = m.group();
            words.add(new Word(word, m.start(), m.end(),
                    Translit.hasLatin(word) ? Translit.toCyrillic(word) : word.toLowerCase(Locale.ROOT)));
        }
        return words;
    }

    /**
     * A term's clauses, once per word even if several readings produce it (the word itself wins over a
     * synonym). Typos are forgiven in keywords, where the words people use are listed.
     */
    private static void addClauses(Map<String, Query> clauses, String suffix, TextAnalysis.Token token) {
        String term = token.term();
        if (clauses.containsKey(suffix + term) && token.synonym()) {
            return;
        }
        float weight = token.synonym() ? SYNONYM_WEIGHT : 1f;
        BooleanQuery.Builder fields = new BooleanQuery.Builder();
        List<Query> alternatives = new ArrayList<>();
        alternatives.add(boost(new TermQuery(new Term("kw" + suffix, term)), 4 * weight));
        alternatives.add(boost(new TermQuery(new Term("title" + suffix, term)), 2 * weight));
        alternatives.add(boost(new TermQuery(new Term("body" + suffix, term)), weight));
        if (term.length() >= 5) {
            int edits = term.length() >= 9 ? 2 : 1;
            alternatives.add(boost(new FuzzyQuery(new Term("kw" + suffix, term), edits, 1), 3 * weight));
        }
        clauses.put(suffix + term, new DisjunctionMaxQuery(alternatives, 0.1f));
    }

    private static Query boost(Query query, float boost) {
        return new BoostQuery(query, boost);
    }

    /** The word a token came from; tokens past the last word (never expected) go to the last word. */
    private static int wordAt(List<Word> words, int offset) {
        for (int i = words.size() - 1; i >= 0; i--) {
            if (words.get(i).start() <= offset) {
                return i;
            }
        }
        return 0;
    }

    private static int wordStartingBefore(int[] starts, int offset) {
        for (int i = starts.length - 1; i >= 0; i--) {
            if (starts[i] <= offset) {
                return i;
            }
        }
        return 0;
    }
}
