package org.relohelp.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;

/** The cities of places.yml (a city is the list of its spellings), as housing offers and searches use them. */
class CitiesTest {

    private static final Path KNOWLEDGE = Path.of("config/knowledge");
    private final TextAnalysis analysis = new TextAnalysis(KNOWLEDGE.resolve("synonyms.txt"));
    private final PlaceNames places = new PlaceNames(KNOWLEDGE.resolve("places.yml"), analysis);
    private final SearchIndex index = new SearchIndex(analysis, places, new PlaceNames(KNOWLEDGE.resolve(
            "country-words.yml"), analysis), TopicWords.none());

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    @Test
    void eachCoveredCountryListsItsCitiesWithTheirRussianAndEnglishNames() {
        List<City> kazakhstan = places.cities(Destination.KZ);
        assertThat(kazakhstan.get(0)).isEqualTo(new City(Country.KZ, "Алматы", "Almaty"));
        assertThat(kazakhstan).extracting(City::russian).contains("Астана", "Уральск", "Семей")
                .doesNotContain("Казахстан", "Кз");
        assertThat(places.cities(Destination.KG)).extracting(c -> c.name(Language.EN)).contains("Bishkek", "Osh")
                .doesNotContain("Issyk-Kul");
        assertThat(places.cities(Destination.TR)).as("not a country offers are made in").isEmpty();
    }

    @Test
    void aCityIsReadHoweverItIsWritten() {
        assertThat(index.cityNamedIn("комната в Алматы")).map(City::russian).contains("Алматы");
        assertThat(index.cityNamedIn("Alma-Ata")).map(City::russian).contains("Алматы");
        assertThat(index.cityNamedIn("v tbilisi")).map(City::country).contains(Country.GE);
        assertThat(index.cityNamedIn("в Ереване")).map(City::english).contains("Yerevan");
        assertThat(index.cityNamedIn("Казахстан")).as("a country is no city").isEmpty();
        assertThat(index.cityNamedIn("Гонолулу")).isEmpty();
        // the search reads the same names as before: a city still tells its country
        assertThat(index.countryNamedIn("жильё в Бишкеке")).contains(Country.KG);
    }
}
