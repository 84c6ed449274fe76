package org.relohelp.knowledge;

import java.util.Optional;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The articles in service: imported from {@code config/knowledge/} into the database at start-up (and on
 * {@link #reload()}), and searchable through the Lucene index built from the database.
 */
@Component
public class KnowledgeBase implements InitializingBean {

    private final KnowledgeProperties properties;
    private final KnowledgeImport importer;
    private final ArticleStore store;
    private final SearchIndex index;

    KnowledgeBase(KnowledgeProperties properties, KnowledgeImport importer, ArticleStore store) {
        this.properties = properties;
        this.importer = importer;
        this.store = store;
        TextAnalysis analysis = new TextAnalysis(properties.dir().resolve("synonyms.txt"));
        this.index = new SearchIndex(analysis, new PlaceNames(properties.dir().resolve("places.yml"), analysis));
    }

    @Override
    public void afterPropertiesSet() {
        reload();
    }

    /** Re-reads the knowledge folder and rebuilds the index; what changed is in the report. */
    public synchronized ImportReport reload() {
        ImportReport report = importer.sync(properties.dir());
        index.rebuild(store.active());
        return report;
    }

    SearchIndex.Result search(String question, Optional<Country> profileCountry, Language language) {
        return index.search(question, profileCountry, language);
    }

    /** The article in the wanted language, or in the other one if it has no translation. */
    Optional<Article> article(String id, Language language) {
        return store.find(id, language).or(() -> store.find(id, language == Language.RU ? Language.EN : Language.RU));
    }
}
