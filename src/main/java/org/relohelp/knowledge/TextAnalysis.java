package org.relohelp.knowledge;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Lucene analysis for both languages. Russian: lower case, ё→е, Snowball stemmer; English: possessives,
 * lower case, Porter stemmer. Index analyzers also drop stop words. Query analyzers instead add synonyms
 * from {@code synonyms.txt} (Solr format; its entries are stemmed by the same chain, so "прописка" also
 * matches "прописку"). Stop words in questions are recognised by {@link #isStopWord}.
 */
final class TextAnalysis {

    private static final Pattern YO = Pattern.compile("ё");
    /** Words people put around every question; they say nothing about which article fits. */
    private static final Set<String> FILLERS = Set.of("можно", "нужно", "надо", "подскажите", "скажите",
            "пожалуйста", "пжл", "плиз", "хочу", "мне", "меня", "мой", "моя", "это", "ли", "вообще", "какой",
            "какие", "какая", "как", "где", "что", "чтобы", "если", "есть", "вопрос", "please", "need", "want",
            "help", "how", "what", "where", "can", "could", "should", "do", "does", "i", "me", "my", "get", "know",
            "tell", "there", "here", "we", "you", "anyone", "someone", "привет", "здравствуйте", "hi", "hello",
            "помогите", "помочь", "ребята", "ребят", "народ", "друзья", "спасибо", "заранее", "thanks",
            "guys", "пж", "плз", "уважаемые", "уважаемый", "уважаемая", "коллеги", "администраторы", "админы",
            "прошу", "извините", "благодарю", "dear", "hey");

    final Analyzer russianIndex;
    final Analyzer russianQuery;
    final Analyzer englishIndex;
    final Analyzer englishQuery;
    private final Analyzer russianPlain;
    private final CharArraySet russianStop = RussianAnalyzer.getDefaultStopSet();
    private final CharArraySet englishStop = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    TextAnalysis(Path synonymsFile) {
        russianPlain = russian(false, null);
        russianIndex = russian(true, null);
        englishIndex = english(true, null);
        Analyzer englishPlain = english(false, null);
        List<String> rules = readRules(synonymsFile);
        russianQuery = russian(false, synonyms(rules, russianPlain));
        englishQuery = english(false, synonyms(rules, englishPlain));
    }

    /** A token of analysed text and where it came from in the input. */
    record Token(String term, int startOffset, boolean synonym) {
    }

    static List<Token> tokens(Analyzer analyzer, String field, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, new StringReader(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(),
                        SynonymGraphFilter.TYPE_SYNONYM.equals(type.type())));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /** Stems of a name or phrase as the Russian index sees them, for matching places. */
    List<String> russianStems(String text) {
        return tokens(russianPlain, "", text).stream().map(Token::term).toList();
    }

    boolean isStopWord(String lowerCaseWord) {
        return FILLERS.contains(lowerCaseWord) || russianStop.contains(lowerCaseWord)
                || englishStop.contains(lowerCaseWord);
    }

    private static Analyzer russian(boolean dropStopWords, SynonymMap synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new PatternReplaceFilter(new LowerCaseFilter(source), YO, "е", true);
                if (dropStopWords) {
                    stream = new StopFilter(stream, RussianAnalyzer.getDefaultStopSet());
                }
                stream = new SnowballFilter(stream, new RussianStemmer());
                if (synonyms != null) {
                    stream = new SynonymGraphFilter(stream, synonyms, true);
                }
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    private static Analyzer english(boolean dropStopWords, SynonymMap synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(new EnglishPossessiveFilter(source));
                if (dropStopWords) {
                    stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                }
                stream = new PorterStemFilter(stream);
                if (synonyms != null) {
                    stream = new SynonymGraphFilter(stream, synonyms, true);
                }
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    private static List<String> readRules(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SynonymMap synonyms(List<String> rules, Analyzer stemmer) {
        // A rule is kept only if every phrase in it survives this language's analysis distinctly.
        SolrSynonymParser parser = new SolrSynonymParser(true, true, stemmer);
        Set<String> seen = new HashSet<>();
        StringBuilder usable = new StringBuilder();
        for (String rule : rules) {
            if (!rule.isBlank() && !rule.startsWith("#") && seen.add(rule)) {
                usable.append(rule).append('\n');
            }
        }
        try (Reader reader = new StringReader(usable.toString())) {
            parser.parse(reader);
            return parser.build();
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("synonyms.txt cannot be read: " + e.getMessage(), e);
        }
    }
}
