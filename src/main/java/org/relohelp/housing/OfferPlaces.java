package org.relohelp.housing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.relohelp.chat.Button;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;
import org.relohelp.chat.Texts;
import org.relohelp.knowledge.City;
import org.springframework.stereotype.Component;

/**
 * The countries and cities offers are made for and searched in: the six countries and the cities the knowledge
 * base lists for them ({@code places.yml}), read from what people type the way questions are read. An offer keeps
 * its city's Russian name; buttons carry the city's place in its country's list.
 */
@Component
class OfferPlaces {

    static final List<Country> COUNTRIES = List.of(Country.KZ, Country.UZ, Country.KG, Country.TJ, Country.GE,
            Country.AM);

    private final org.relohelp.knowledge.Places knowledge;
    private final Texts texts;

    OfferPlaces(org.relohelp.knowledge.Places knowledge, Texts texts) {
        this.knowledge = knowledge;
        this.texts = texts;
    }

    List<City> cities(Country country) {
        return country == null ? List.of() : knowledge.cities(country);
    }

    Optional<City> city(Country country, int index) {
        List<City> cities = cities(country);
        return index >= 0 && index < cities.size() ? Optional.of(cities.get(index)) : Optional.empty();
    }

    int index(Country country, String city) {
        List<City> cities = cities(country);
        for (int i = 0; i < cities.size(); i++) {
            if (cities.get(i).russian().equals(city)) {
                return i;
            }
        }
        return -1;
    }

    /** What an answer to "where?" names: a city (and so its country), only a country, or neither. */
    record Named(City city, Country country) {
    }

    Named named(String text) {
        Optional<City> city = cityIn(text);
        if (city.isPresent()) {
            return new Named(city.get(), city.get().country());
        }
        return new Named(null, countryIn(text).orElse(null));
    }

    /** A place the bot does not know: which cities it knows in the country, or that it needs a country first. */
    String unknown(String typed, Country country, Language language) {
        String shown = typed.strip().length() > 60 ? typed.strip().substring(0, 60) + "…" : typed.strip();
        return country == null ? texts.get(language, "housing.place.unknown", shown)
                : texts.get(language, "housing.city.unknown", shown, country(country, language), list(country, language));
    }

    /** The city a message names, in any of the six countries. */
    Optional<City> cityIn(String text) {
        return knowledge.cityNamedIn(text).filter(c -> COUNTRIES.contains(c.country()));
    }

    Optional<Country> countryIn(String text) {
        return knowledge.countryNamedIn(text).filter(COUNTRIES::contains);
    }

    /** A city as the reader calls it. */
    String name(Country country, String city, Language language) {
        return cities(country).stream().filter(c -> c.russian().equals(city)).findFirst().map(c -> c.name(language))
                .orElse(city);
    }

    String country(Country country, Language language) {
        return texts.plain(language, country.nameKey());
    }

    /** "Алматы, Астана, …": the cities the bot knows in a country. */
    String list(Country country, Language language) {
        return cities(country).stream().map(c -> c.name(language)).collect(Collectors.joining(", "));
    }

    List<List<Button>> countryButtons(String action, Language language) {
        return rows(COUNTRIES.stream().map(c -> new Button(country(c, language), action + c.name())).toList(), 2);
    }

    List<List<Button>> cityButtons(String action, Country country, Language language) {
        List<City> cities = cities(country);
        List<Button> buttons = new ArrayList<>();
        for (int i = 0; i < cities.size(); i++) {
            buttons.add(new Button(cities.get(i).name(language), action + country.name() + ":" + i));
        }
        return rows(buttons, 3);
    }

    static List<List<Button>> rows(List<Button> buttons, int perRow) {
        List<List<Button>> rows = new ArrayList<>();
        for (int i = 0; i < buttons.size(); i += perRow) {
            rows.add(List.copyOf(buttons.subList(i, Math.min(buttons.size(), i + perRow))));
        }
        return rows;
    }
}
