package org.relohelp.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;

/**
 * An in-memory Lucene index of the active articles, rebuilt from the database after every import.
 * Each article language is one document, indexed with both analyzers; a question's words are matched
 * per word (best field wins) with BM25, typo tolerance from fuzzy terms, and the results grouped by
 * article, then weighted towards the user's country and language.
 */
final class SearchIndex {

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final TextContentRenderer PLAIN_TEXT = TextContentRenderer.builder().build();
    private static final int MAX_DOCS = 1000;
    private static final int MAX_CACHED_WORDS = 20_000;

    private final TextAnalysis analysis;
    private final QuestionReader reader;
    private volatile Snapshot snapshot;

    /**
     * The searcher with its articles, and each word's matches in this index. People ask with the same words again
     * and again, and a word's matches never change within one index: looking them up again (rewriting fuzzy
     * queries into Levenshtein automata, seeking terms in every field) was most of a search's work. Words are
     * known by their readings' key, so a word seen before needs no Lucene query at all. A new index starts a new
     * cache.
     */
    private record Snapshot(IndexSearcher searcher, Map<String, Article> byId, String[] docIds, String[] docLanguages,
                            Map<String, ScoreDoc[]> matches) {
        ScoreDoc[] matches(QuestionReader.WordQuery word) {
            if (matches.size() > MAX_CACHED_WORDS) {
                matches.clear();
            }
            return matches.computeIfAbsent(word.key(), key -> {
                try {
                    return searcher.search(word.query(), MAX_DOCS).scoreDocs;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** One article as a candidate answer: its ranking score and the share of question words it matches. */
    record Hit(Article article, double score, double coverage) {
    }

    /**
     * The candidates, best first, and the country the ranking assumed (named in the question, or else
     * the profile's); {@code words} counts the question's meaningful words.
     */
    record Result(List<Hit> hits, Optional<Country> country, boolean countryNamed, int words) {
    }

    SearchIndex(TextAnalysis analysis, PlaceNames places) {
        this.analysis = analysis;
        this.reader = new QuestionReader(analysis, places);
        rebuild(List.of());
    }

    void rebuild(List<Article> articles) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        Map<String, Analyzer> perField = new HashMap<>();
        for (String field : List.of("kw", "title", "body")) {
            perField.put(field + "_ru", analysis.russianIndex);
            perField.put(field + "_en", analysis.englishIndex);
        }
        Map<String, Article> byId = new HashMap<>();
        try (IndexWriter writer = new IndexWriter(directory,
                new IndexWriterConfig(new PerFieldAnalyzerWrapper(analysis.russianIndex, perField)))) {
            for (Article article : articles) {
                writer.addDocument(document(article));
                byId.putIfAbsent(article.id(), article);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
            // each document's article id and language, read once here instead of from stored fields per hit
            int docs = searcher.getIndexReader().maxDoc();
            String[] ids = new String[docs];
            String[] languages = new String[docs];
            var stored = searcher.storedFields();
            for (int doc = 0; doc < docs; doc++) {
                Document fields = stored.document(doc);
                ids[doc] = fields.get("id");
                languages[doc] = fields.get("lang");
            }
            snapshot = new Snapshot(searcher, Map.copyOf(byId), ids, languages, new ConcurrentHashMap<>());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<Country> countryNamedIn(String text) {
        return reader.read(text).namedCountry();
    }

    Result search(String question, Optional<Country> profileCountry, Language language) {
        Snapshot current = snapshot;
        QuestionReader.Question q = reader.read(question);
        Optional<Country> country = q.namedCountry().or(() -> profileCountry.filter(c -> c != Country.OTHER));
        if (q.words().isEmpty()) {
            return new Result(List.of(), country, q.namedCountry().isPresent(), 0);
        }
        // One search per word gives both the scores (a word's best field, summed over words, as a
        // BooleanQuery of the words would) and which articles match which words.
        Map<Integer, Double> docScores = new HashMap<>();
        Map<Integer, Integer> docWords = new HashMap<>();
        for (QuestionReader.WordQuery word : q.words()) {
            for (ScoreDoc hit : current.matches(word)) {
                docScores.merge(hit.doc, (double) hit.score, Double::sum);
                docWords.merge(hit.doc, 1, Integer::sum);
            }
        }
        Map<String, Double> scores = new HashMap<>();
        Map<String, Integer> matchedWords = new HashMap<>();
        for (Map.Entry<Integer, Double> doc : docScores.entrySet()) {
            String id = current.docIds()[doc.getKey()];
            double languageWeight = current.docLanguages()[doc.getKey()].equals(language.code()) ? 1.0 : 0.85;
            scores.merge(id, doc.getValue() * languageWeight, Math::max);
            matchedWords.merge(id, docWords.get(doc.getKey()), Math::max);
        }
        List<Hit> hits = new ArrayList<>();
        scores.forEach((id, score) -> {
            Article article = current.byId().get(id);
            hits.add(new Hit(article, score * countryWeight(article, country, q.namedCountry().isPresent()),
                    matchedWords.get(id) / (double) q.words().size()));
        });
        hits.sort(Comparator.comparingDouble(Hit::score).reversed());
        return new Result(hits, country, q.namedCountry().isPresent(), q.words().size());
    }

    private static double countryWeight(Article article, Optional<Country> country, boolean named) {
        if (country.isEmpty() || article.isGeneral()) {
            return 1.0;
        }
        if (article.isFor(country.get())) {
            return 1.3;
        }
        return named ? 0.15 : 0.3;
    }

    private static Document document(Article article) {
        Document doc = new Document();
        doc.add(new StringField("id", article.id(), Field.Store.YES));
        doc.add(new StringField("lang", article.language().code(), Field.Store.YES));
        doc.add(new StoredField("file", article.file()));
        String body = PLAIN_TEXT.render(MARKDOWN.parse(article.body()));
        for (String suffix : List.of("_ru", "_en")) {
            doc.add(new TextField("title" + suffix, article.title(), Field.Store.NO));
            doc.add(new TextField("body" + suffix, body, Field.Store.NO));
            for (String keyword : article.keywords()) {
                doc.add(new TextField("kw" + suffix, keyword, Field.Store.NO));
            }
        }
        return doc;
    }
}
