package org.relohelp.knowledge;

import java.util.Optional;
import org.relohelp.chat.Country;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/** The countries and cities the knowledge base knows (places.yml), for features that read places in what people write. */
@Component
@NamedInterface("places")
public class Places {

    private final KnowledgeBase knowledge;

    Places(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    /** The country a text names by a country or city ("в Бишкеке", "v almaty"), read as a question is. */
    public Optional<Country> countryNamedIn(String text) {
        return knowledge.countryNamedIn(text);
    }
}
