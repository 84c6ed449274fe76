package org.relohelp.knowledge;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;

/**
 * An in-memory Lucene index of the active articles' sections, rebuilt from the database after every import.
 * Each section in each language is one document, indexed with both analyzers, and carries its article's title,
 * keywords and lead too. A question's words are matched per word (best field wins) with BM25 and typo tolerance
 * from fuzzy terms; an article scores as its best section, weighted towards the question's country and language.
 * Searchers come from Lucene's {@link SearcherManager}: a rebuild opens a new one, and the old reader is closed
 * once the last search that uses it is done.
 */
final class SearchIndex implements Closeable {

    static final String KEYWORDS = "kw";
    static final String QUESTIONS = "q";
    static final String SECTION_TITLE = "st";
    static final String TITLE = "title";
    static final String BODY = "body";
    static final String LEAD = "lead";
    static final String TOPIC_WORDS = "topic";
    /** Every word a section can be found by, for correcting misspelt question words. */
    static final String VOCABULARY = "all";
    private static final Parser MARKDOWN = Parser.builder().build();
    private static final TextContentRenderer PLAIN_TEXT = TextContentRenderer.builder().build();
    private static final int MAX_DOCS = 2000;
    private static final int MAX_CACHED_WORDS = 20_000;

    private final QuestionReader reader;
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** The articles the next searcher serves; set under the rebuild's lock just before the refresh opens it. */
    private Map<String, Article> nextArticles = Map.of();

    /**
     * One searcher with the articles it serves, each document's article, language and section, and each word's
     * matches in it. People ask with the same words again and again, and a word's matches never change within one
     * index: looking them up again (rewriting fuzzy queries into Levenshtein automata, seeking terms in every field)
     * was most of a search's work. Words are known by their readings' key, so a word seen before needs no Lucene
     * query at all. A new index starts a new cache.
     */
    static final class Snapshot extends IndexSearcher {
        private final Map<String, Article> byId;
        private final String[] docIds;
        private final String[] docLanguages;
        private final String[] docSections;
        private final boolean[] docAnswers;
        private final Set<Destination>[] docCountries;
        private final String[] docTopics;
        /** Each document's section, numbered: the two languages of one section share its number. */
        private final int[] docSectionNumbers;
        private final int sectionCount;
        private final Map<String, ScoreDoc[]> matches = new ConcurrentHashMap<>();
        /** A reading's correction ("_ru:прописск" → "прописк"), or itself when it is a word of the articles. */
        private final Map<String, String> spelling = new ConcurrentHashMap<>();

        @SuppressWarnings("unchecked")
        Snapshot(IndexReader reader, Map<String, Article> byId) throws IOException {
            super(reader);
            this.byId = byId;
            int docs = reader.maxDoc();
            docIds = new String[docs];
            docLanguages = new String[docs];
            docSections = new String[docs];
            docAnswers = new boolean[docs];
            docCountries = new Set[docs];
            docTopics = new String[docs];
            var stored = storedFields();
            for (int doc = 0; doc < docs; doc++) {
                Document fields = stored.document(doc);
                docIds[doc] = fields.get("id");
                docLanguages[doc] = fields.get("lang");
                docSections[doc] = fields.get("section");
                docAnswers[doc] = "yes".equals(fields.get("answers"));
                docCountries[doc] = countries(fields.get("countries"));
                docTopics[doc] = fields.get("topic");
            }
            docSectionNumbers = new int[docs];
            Map<String, Integer> numbers = new HashMap<>();
            for (int doc = 0; doc < docs; doc++) {
                docSectionNumbers[doc] = numbers.computeIfAbsent(docIds[doc] + "#" + docSections[doc],
                        key -> numbers.size());
            }
            sectionCount = numbers.size();
        }

        /**
         * The word with each reading the articles do not know replaced by the closest one they do (one letter off,
         * two in a long word), if any: "прописска" is read as "прописка". Words of fewer than five letters are left
         * as they are.
         */
        QuestionReader.WordQuery corrected(QuestionReader.WordQuery word) {
            Map<String, Boolean> readings = new java.util.LinkedHashMap<>();
            boolean changed = false;
            for (Map.Entry<String, Boolean> reading : word.readings().entrySet()) {
                String fixed = reading.getValue() ? reading.getKey() : spelling.computeIfAbsent(reading.getKey(),
                        this::correct);
                changed |= !fixed.equals(reading.getKey());
                readings.merge(fixed, reading.getValue(), Boolean::logicalAnd);
            }
            if (!changed) {
                return word;
            }
            StringBuilder key = new StringBuilder(word.negated() ? "-" : word.untold() ? "=" : "");
            readings.forEach((reading, synonym) -> key.append(reading).append(synonym ? "~ " : " "));
            return new QuestionReader.WordQuery(key.toString(), readings, word.negated(), word.untold());
        }

        private String correct(String reading) {
            if (spelling.size() > MAX_CACHED_WORDS) {
                spelling.clear();
            }
            int colon = reading.indexOf(':');
            String term = reading.substring(colon + 1);
            Term vocabulary = new Term(VOCABULARY + reading.substring(0, colon), term);
            try {
                if (term.length() < 5 || getIndexReader().docFreq(vocabulary) > 0) {
                    return reading;
                }
                DirectSpellChecker checker = new DirectSpellChecker();
                checker.setMaxEdits(term.length() >= 8 ? 2 : 1);
                checker.setMinPrefix(1);
                SuggestWord[] suggestions = checker.suggestSimilar(vocabulary, 1, getIndexReader(),
                        SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                return suggestions.length == 0 ? reading : reading.substring(0, colon + 1) + suggestions[0].string;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        ScoreDoc[] matches(QuestionReader.WordQuery word) {
            if (matches.size() > MAX_CACHED_WORDS) {
                matches.clear();
            }
            return matches.computeIfAbsent(word.key(), key -> {
                try {
                    return search(word.query(), MAX_DOCS).scoreDocs;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** How the country a search assumed was found. */
    enum How { NAMED, PROFILE, HINTED, NONE }

    /** The country a search assumed, and how it was found; empty with {@link How#NONE}. */
    record Where(Optional<Destination> country, How how) {
        static final Where NOWHERE = new Where(Optional.empty(), How.NONE);

        static Where named(Destination country) {
            return new Where(Optional.of(country), How.NAMED);
        }
    }

    /**
     * One section's match: its article, whether it answers questions (a history section does not), the countries it
     * is about (those its title names in a general article, else its article's; empty: every country), its score in
     * the better of its languages and the share of question words it matches.
     */
    record SectionMatch(Article article, String sectionId, boolean answers, Set<Destination> countries, String topic,
                        double score, double coverage) {

        /** A section that digresses into another topic ("Хозяин и регистрация" in a housing article). */
        boolean digresses() {
            return !topic.equals(article.topic());
        }
    }

    /**
     * One article as a candidate answer: its ranking score (its best section's, weighted for the question's
     * country), the share of question words its best section matches, its best section that answers questions
     * (null when only a section such as the history matched), the countries that section is about and its topic
     * (its article's, unless it digresses).
     */
    record Hit(Article article, String sectionId, Set<Destination> countries, String topic, double score,
               double coverage) {

        /** About one or some of the countries, not all: the answer depends on the country. */
        boolean countrySpecific() {
            return !countries.isEmpty();
        }
    }

    /**
     * The candidates, best first, weighted for {@code where}; {@code sections} are the matches they come from (to
     * rank them again for another country); {@code words} counts the question's meaningful words;
     * {@code told} is what the question's words tell of its topic; {@code learnt} each topic's probability for
     * questions like it ({@link TopicModel}; empty when the model knows none of its words).
     */
    record Result(List<Hit> hits, List<SectionMatch> sections, Where where, int words, TopicWords.Told told,
                  Map<String, Double> learnt) {

        Result(List<Hit> hits, List<SectionMatch> sections, Where where, int words, TopicWords.Told told) {
            this(hits, sections, where, words, told, Map.of());
        }

        /** The same candidates ranked as if the question had named {@code country}. */
        Result rankedFor(Destination country) {
            return new Result(weigh(sections, Where.named(country)), sections, Where.named(country), words, told,
                    learnt);
        }
    }

    /** Words that tell each topic, from {@code topics.yml}. */
    private final TopicWords topics;
    /** Learnt at every rebuild from {@code asked.tsv} and the sections' own question variants. */
    private volatile TopicModel model = TopicModel.NONE;
    private final TextAnalysis analysis;

    SearchIndex(TextAnalysis analysis, PlaceNames places, PlaceNames countryWords, TopicWords topics) {
        this.reader = new QuestionReader(analysis, places, countryWords, topics::untold);
        this.analysis = analysis;
        this.topics = topics;
        Map<String, Analyzer> perField = new HashMap<>();
        for (String field : List.of(KEYWORDS, QUESTIONS, SECTION_TITLE, TITLE, BODY, LEAD, TOPIC_WORDS, VOCABULARY)) {
            perField.put(field + "_ru", analysis.russianIndex);
            perField.put(field + "_en", analysis.englishIndex);
        }
        try {
            writer = new IndexWriter(directory,
                    new IndexWriterConfig(new PerFieldAnalyzerWrapper(analysis.russianIndex, perField)));
            searchers = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
                    return new Snapshot(reader, nextArticles);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void rebuild(List<Article> articles) {
        Map<String, Article> byId = new HashMap<>();
        // a section is on one topic in both languages: its titles in both are read together
        Map<String, String> titles = new HashMap<>();
        for (Article article : articles) {
            article.sections().forEach(section -> titles.merge(article.id() + "#" + section.id(), section.title(),
                    (a, b) -> a + "\n" + b));
        }
        try {
            writer.deleteAll();
            for (Article article : articles) {
                for (Article.Section section : article.sections()) {
                    writer.addDocument(document(article, section, sectionCountries(article, section),
                            topics.searchText(article.topic()), sectionTopic(article, section,
                                    titles.get(article.id() + "#" + section.id()))));
                }
                byId.putIfAbsent(article.id(), article);
            }
            writer.commit();
            model = learn(articles, titles);
            nextArticles = Map.copyOf(byId);
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TopicModel learn(List<Article> articles, Map<String, String> titles) {
        List<TopicModel.Example> examples = new ArrayList<>(topics.asked());
        for (Article article : articles) {
            for (Article.Section section : article.sections()) {
                List<String> topic = List.of(sectionTopic(article, section, titles.get(article.id() + "#"
                        + section.id())));
                section.questions().forEach(question -> examples.add(new TopicModel.Example(question, topic)));
            }
        }
        return TopicModel.train(examples, text -> features(reader.read(text)));
    }

    /** What {@link TopicModel} reads of a question: its words' readings (stems, Latin letters read, synonyms). */
    private static Set<String> features(QuestionReader.Question question) {
        Set<String> features = new java.util.HashSet<>();
        question.words().stream().filter(w -> !w.negated()).forEach(w -> features.addAll(w.readings().keySet()));
        return features;
    }

    /**
     * The countries a section is about: a general article's section may be about some ("Узбекистан: телефон
     * перестал ловить"); a section of a country's article is about that country whatever its title names.
     */
    private Set<Destination> sectionCountries(Article article, Article.Section section) {
        Set<Destination> named = section.implicit() ? Set.of() : reader.places(section.title());
        if (article.countries().isEmpty()) {
            return named;
        }
        Set<Destination> both = new java.util.HashSet<>(named);
        both.retainAll(article.countries());
        return both.isEmpty() ? article.countries() : both;
    }

    /** Runs {@code work} on the current searcher, which a rebuild meanwhile does not close under it. */
    <T> T withSearcher(Function<? super Snapshot, T> work) {
        try {
            Snapshot searcher = (Snapshot) searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reader searches use now; for tests of the reader's lifecycle. */
    IndexReader currentReader() {
        return withSearcher(IndexSearcher::getIndexReader);
    }

    /** One of the six countries a text names by a country or city ("в Бишкеке", "v almaty"), read as a question is. */
    Optional<Country> countryNamedIn(String text) {
        return reader.read(text).namedCountry().flatMap(Destination::country);
    }

    Optional<City> cityNamedIn(String text) {
        return reader.city(text);
    }

    /**
     * The question's country is the one it names; else the profile's; else the one its words belong to ("ИИН");
     * else none.
     */
    Result search(String question, Optional<Country> profileCountry, Language language) {
        QuestionReader.Question q = reader.read(question);
        Optional<Destination> profile = profileCountry.flatMap(Destination::of);
        Where where = q.namedCountry().map(Where::named)
                .or(() -> profile.map(c -> new Where(Optional.of(c), How.PROFILE)))
                .or(() -> q.hintedCountry().map(c -> new Where(Optional.of(c), How.HINTED)))
                .orElse(Where.NOWHERE);
        if (q.words().isEmpty()) {
            return new Result(List.of(), List.of(), where, 0, TopicWords.Told.NOTHING);
        }
        return withSearcher(searcher -> {
            List<QuestionReader.WordQuery> words = q.words().stream().map(searcher::corrected).toList();
            List<SectionMatch> sections = match(searcher, words, language);
            // what the words tell of the topic: a misspelt Russian word as corrected, a word typed in Latin letters as
            // typed (its Cyrillic reading "corrected" is a guess upon a guess: "hotel" is no "хостел")
            List<QuestionReader.WordQuery> telling = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                telling.add(q.words().get(i).latin() ? q.words().get(i) : words.get(i));
            }
            Map<String, Double> learnt = model.topics(features(q));
            return new Result(weigh(sections, where), sections, where, words.size(), topics.told(telling), learnt);
        });
    }

    /**
     * One search per word gives both the scores (a word's best field, summed over words, as a BooleanQuery of the
     * words would) and which sections match which words; a section counts in the better of its two languages.
     */
    private static List<SectionMatch> match(Snapshot searcher, List<QuestionReader.WordQuery> words,
                                            Language language) {
        // arrays by document, not maps of boxed numbers: this runs for every question, over every matching section
        double[] docScores = new double[searcher.docIds.length];
        int[] docWords = new int[searcher.docIds.length];
        int[] matched = new int[searcher.docIds.length];
        int count = 0;
        for (QuestionReader.WordQuery word : words) {
            for (ScoreDoc hit : searcher.matches(word)) {
                if (docWords[hit.doc]++ == 0) {
                    matched[count++] = hit.doc;
                }
                docScores[hit.doc] += hit.score;
            }
        }
        SectionMatch[] sections = new SectionMatch[searcher.sectionCount];
        List<SectionMatch> found = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int doc = matched[i];
            double languageWeight = searcher.docLanguages[doc].equals(language.code()) ? 1.0 : 0.85;
            double score = docScores[doc] * languageWeight;
            int section = searcher.docSectionNumbers[doc];
            if (sections[section] != null && sections[section].score() >= score) {
                continue; // a section counts in the better of its two languages
            }
            sections[section] = new SectionMatch(searcher.byId.get(searcher.docIds[doc]), searcher.docSections[doc],
                    searcher.docAnswers[doc], searcher.docCountries[doc], searcher.docTopics[doc], score,
                    docWords[doc] / (double) words.size());
        }
        for (SectionMatch section : sections) {
            if (section != null) {
                found.add(section);
            }
        }
        return found;
    }

    /** Articles ranked by their best section, weighted for the question's country. */
    private static List<Hit> weigh(List<SectionMatch> sections, Where where) {
        Map<String, double[]> best = new HashMap<>();          // article id → score, coverage
        Map<String, SectionMatch> answering = new HashMap<>(); // article id → its best answering section
        Map<String, Double> answeringScore = new HashMap<>();
        Map<String, Article> articles = new HashMap<>();
        for (SectionMatch section : sections) {
            String id = section.article().id();
            articles.putIfAbsent(id, section.article());
            double score = section.score() * countryWeight(section.article(), section.countries(), where)
                    * OVERVIEW.getOrDefault(section.article().topic(), 1.0) * (0.5 + 0.5 * section.coverage())
                    * (section.digresses() ? DIGRESSION : 1.0);
            double[] current = best.computeIfAbsent(id, k -> new double[2]);
            current[0] = Math.max(current[0], score);
            current[1] = Math.max(current[1], section.coverage());
            if (section.answers() && score > answeringScore.getOrDefault(id, -1.0)) {
                answeringScore.put(id, score);
                answering.put(id, section);
            }
        }
        List<Hit> hits = new ArrayList<>();
        best.forEach((id, scores) -> {
            SectionMatch section = answering.get(id);
            Article article = articles.get(id);
            hits.add(new Hit(article, section == null ? null : section.sectionId(),
                    section == null ? article.countries() : section.countries(),
                    section == null ? article.topic() : section.topic(), scores[0], scores[1]));
        });
        hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(h -> h.article().id()));
        return hits;
    }

    /**
     * Checklists for the first days touch every topic in brief; where an article on the topic matches as well, that
     * one is the better answer.
     */
    private static final Map<String, Double> OVERVIEW = Map.of("first-days", 0.7);
    /**
     * A section on another topic than its article's (a housing article's registration section): where that topic's
     * own article matches as well, the own article is the better answer.
     */
    private static final double DIGRESSION = 0.75;

    /**
     * A section about the question's country is preferred to one about every country, and both to another
     * country's; articles about the destinations the bot does not cover come up only when the question names one.
     */
    static double countryWeight(Article article, Set<Destination> countries, Where where) {
        if (where.country().isEmpty()) {
            return article.isElsewhere() ? 0.2 : 1.0;
        }
        if (countries.isEmpty()) {
            return 1.0;
        }
        if (countries.contains(where.country().get())) {
            return 1.3;
        }
        return where.how() == How.NAMED ? 0.15 : 0.3;
    }

    /** The topic a section is about: its article's, unless its title speaks of exactly one other. */
    String sectionTopic(Article article, Article.Section section, String titles) {
        return section.implicit() ? article.topic() : topics.topicOf(titles, article.topic(), analysis);
    }

    private static Document document(Article article, Article.Section section, Set<Destination> countries,
                                     String topicWords, String sectionTopic) {
        Document doc = new Document();
        doc.add(new StringField("id", article.id(), Field.Store.YES));
        doc.add(new StringField("lang", article.language().code(), Field.Store.YES));
        doc.add(new StoredField("section", section.id()));
        doc.add(new StoredField("answers", section.answers() ? "yes" : "no"));
        doc.add(new StoredField("topic", sectionTopic));
        doc.add(new StoredField("countries", countries.stream().map(Destination::name).sorted()
                .collect(java.util.stream.Collectors.joining(","))));
        String body = plain(section.markdown());
        String lead = plain(article.lead());
        for (String suffix : List.of("_ru", "_en")) {
            doc.add(new TextField(TITLE + suffix, article.title(), Field.Store.NO));
            if (!section.implicit()) {
                doc.add(new TextField(SECTION_TITLE + suffix, section.title(), Field.Store.NO));
            }
            for (String question : section.questions()) {
                doc.add(new TextField(QUESTIONS + suffix, question, Field.Store.NO));
            }
            doc.add(new TextField(BODY + suffix, body, Field.Store.NO));
            doc.add(new TextField(LEAD + suffix, lead, Field.Store.NO));
            doc.add(new TextField(TOPIC_WORDS + suffix, topicWords, Field.Store.NO));
            if (section == article.sections().get(0)) {
                // the words a misspelt question word may be: the whole article's, once
                doc.add(new TextField(VOCABULARY + suffix, vocabulary(article, topicWords), Field.Store.NO));
            }
            for (String keyword : article.keywords()) {
                doc.add(new TextField(KEYWORDS + suffix, keyword, Field.Store.NO));
            }
        }
        return doc;
    }

    private static String vocabulary(Article article, String topicWords) {
        StringBuilder text = new StringBuilder(article.title()).append('\n').append(plain(article.lead()))
                .append('\n').append(topicWords).append('\n').append(String.join("\n", article.keywords()));
        for (Article.Section section : article.sections()) {
            text.append('\n').append(section.title()).append('\n').append(String.join("\n", section.questions()))
                    .append('\n').append(plain(section.markdown()));
        }
        return text.toString();
    }

    private static Set<Destination> countries(String stored) {
        if (stored == null || stored.isEmpty()) {
            return Set.of();
        }
        Set<Destination> countries = java.util.EnumSet.noneOf(Destination.class);
        for (String code : stored.split(",")) {
            Destination.fromCode(code).ifPresent(countries::add);
        }
        return Set.copyOf(countries);
    }

    private static String plain(String markdown) {
        return markdown.isEmpty() ? "" : PLAIN_TEXT.render(MARKDOWN.parse(markdown));
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
