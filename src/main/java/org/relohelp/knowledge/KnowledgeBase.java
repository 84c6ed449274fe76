package org.relohelp.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;
import org.relohelp.cluster.LeadershipGained;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The articles in service: imported from the knowledge folder and then the published drafts into the database at
 * start-up (and on {@link #reload()}), and searchable through the Lucene index built from the database.
 */
@Component
public class KnowledgeBase implements InitializingBean {

    private final KnowledgeProperties properties;
    private final KnowledgeImport importer;
    private final ArticleStore store;
    private final SearchIndex index;
    private final TextAnalysis analysis;
    /** The active articles by id and language, so an answer does not read the database. */
    private volatile Map<String, Article> articles = Map.of();
    private List<Article> served = List.of();

    KnowledgeBase(KnowledgeProperties properties, KnowledgeImport importer, ArticleStore store) {
        this.properties = properties;
        this.importer = importer;
        this.store = store;
        this.analysis = new TextAnalysis(properties.dir().resolve("synonyms.txt"));
        this.index = new SearchIndex(analysis, new PlaceNames(properties.dir().resolve("places.yml"), analysis));
    }

    @Override
    public void afterPropertiesSet() {
        reload();
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

    /** Active articles (each language on its own) verified before {@code day}, oldest first. */
    public List<Article> verifiedBefore(java.time.LocalDate day) {
        return articles.values().stream().filter(a -> a.verified().isBefore(day))
                .sorted(java.util.Comparator.comparing(Article::verified).thenComparing(Article::id)
                        .thenComparing(Article::language))
                .toList();
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
