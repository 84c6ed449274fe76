package org.relohelp.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;
import org.relohelp.cluster.LeadershipGained;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * The articles in service: imported from the knowledge folder and then the published drafts into the database at
 * start-up (and on {@link #reload()}), and searchable through the Lucene index built from the database.
 */
@NamedInterface("curation")
@Component
public class KnowledgeBase implements InitializingBean, DisposableBean {

    private final KnowledgeProperties properties;
    private final KnowledgeImport importer;
    private final ArticleStore store;
    private final SearchIndex index;
    private final TextAnalysis analysis;
    private final PlaceNames places;
    /** The active articles by id and language, so an answer does not read the database. */
    private volatile Map<String, Article> articles = Map.of();
    private List<Article> served = List.of();

    KnowledgeBase(KnowledgeProperties properties, KnowledgeImport importer, ArticleStore store) {
        this.properties = properties;
        this.importer = importer;
        this.store = store;
        this.analysis = new TextAnalysis(properties.dir().resolve("synonyms.txt"));
        this.places = new PlaceNames(properties.dir().resolve("places.yml"), analysis);
        this.index = new SearchIndex(analysis, places,
                new PlaceNames(properties.dir().resolve("country-words.yml"), analysis),
                TopicWords.read(properties.dir().resolve("topics.yml"), analysis));
    }

    @Override
    public void afterPropertiesSet() {
        reload();
    }

    @Override
    public void destroy() throws java.io.IOException {
        index.close();
    }

    /** Re-reads the knowledge folder and rebuilds the index; what changed is in the report. */
    public synchronized ImportReport reload() {
        ImportReport report = importer.sync(properties.folders());
        serve(store.active());
        return report;
    }

    /**
     * Several instances share one database, and the one that led before may have reloaded the knowledge base or
     * approved a draft since this one started: the new leader answers from the articles the database holds.
     */
    @EventListener(LeadershipGained.class)
    public synchronized void catchUp() {
        List<Article> active = store.active();
        if (!active.equals(served)) {
            serve(active);
        }
    }

    private void serve(List<Article> active) {
        index.rebuild(active);
        articles = active.stream().collect(Collectors.toUnmodifiableMap(a -> key(a.id(), a.language()), a -> a,
                (first, second) -> first));
        served = active;
    }

    SearchIndex.Result search(String question, Optional<Country> profileCountry, Language language) {
        return index.search(question, profileCountry, language);
    }

    /** The country a text names by a country or city ("в Бишкеке", "v almaty"), read as a question is. */
    public Optional<Country> countryNamedIn(String text) {
        return index.countryNamedIn(text);
    }

    /** The cities {@code places.yml} lists for a country, in its order. */
    public List<City> cities(Country country) {
        return Destination.of(country).map(places::cities).orElse(List.of());
    }

    /** The city a text names ("в Алматы", "v almaty", "Алма-Ата"), of any country the bot covers. */
    public Optional<City> cityNamedIn(String text) {
        return index.cityNamedIn(text);
    }

    /**
     * The text of one section of an article in service (without its title), as Telegram HTML; in the reader's
     * language, else in the other one. Empty when the article or the section is not in service.
     */
    public Optional<String> sectionHtml(String articleId, String sectionId, Language language) {
        return article(articleId, language).flatMap(a -> a.section(sectionId))
                .map(s -> TelegramHtml.fromMarkdown(s.markdown()));
    }

    /**
     * Active articles (each language on its own) that a person should check against their sources: never checked
     * first, then checked before {@code day}, oldest check first.
     */
    public List<Article> needingCheck(java.time.LocalDate day) {
        return articles.values().stream().filter(a -> a.verified() == null || a.verified().isBefore(day))
                .sorted(java.util.Comparator.comparing(Article::verified,
                                java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
                        .thenComparing(Article::id).thenComparing(Article::language))
                .toList();
    }

    /** The short article about a destination the bot does not cover in full, if there is one. */
    Optional<Article> elsewhereArticle(Destination country) {
        return articles.values().stream().filter(a -> a.isElsewhere() && a.isFor(country))
                .min(java.util.Comparator.comparing(Article::id));
    }

    /** The short articles about destinations the bot does not cover, each once, in the reader's language if it can. */
    List<Article> elsewhereArticles(Language language) {
        return articles.values().stream().filter(Article::isElsewhere).map(Article::id).distinct().sorted()
                .map(id -> article(id, language).orElseThrow()).toList();
    }

    /** How questions and articles are turned into words, for grouping similar questions. */
    TextAnalysis analysis() {
        return analysis;
    }

    /** The article in the wanted language, or in the other one if it has no translation. */
    Optional<Article> article(String id, Language language) {
        Map<String, Article> current = articles;
        return Optional.ofNullable(current.get(key(id, language)))
                .or(() -> Optional.ofNullable(current.get(key(id, language == Language.RU ? Language.EN : Language.RU))));
    }

    private static String key(String id, Language language) {
        return id + "/" + language.code();
    }
}
