package org.relohelp.knowledge;

import java.util.List;
import java.util.Optional;
import org.relohelp.chat.Country;
import org.relohelp.chat.CountryNames;
import org.relohelp.chat.Language;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * The countries and cities the knowledge base knows (places.yml), for features that read places in what people
 * write, and one section of an article as HTML for a feature that shows it (housing's scam rules).
 */
@Component
@NamedInterface("places")
public class Places implements CountryNames {

    private final KnowledgeBase knowledge;

    Places(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    /** The country a text names by a country or city ("в Бишкеке", "v almaty"), read as a question is. */
    @Override
    public Optional<Country> countryNamedIn(String text) {
        return knowledge.countryNamedIn(text);
    }

    /** The cities listed for a country, in the order of places.yml. */
    public List<City> cities(Country country) {
        return knowledge.cities(country);
    }

    /** The city a text names, read as a question is. */
    public Optional<City> cityNamedIn(String text) {
        return knowledge.cityNamedIn(text);
    }

    /** One section's text (without its title) as Telegram HTML, as the knowledge base holds it now. */
    public Optional<String> sectionHtml(String articleId, String sectionId, Language language) {
        return knowledge.sectionHtml(articleId, sectionId, language);
    }
}
