package org.relohelp.chat;

import java.util.Optional;

/**
 * The country a text names by a country or a city ("в Бишкеке", "kazakhstan", "Алматы"), read as the knowledge base
 * reads a question; implemented by the knowledge feature, for a feature that may not depend on it (the country
 * question of /start and /country, answered in words).
 */
public interface CountryNames {

    Optional<Country> countryNamedIn(String text);
}
