package org.relohelp.knowledge;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Countries and cities named in a question ("в Алматы", "v tbilisi"), from {@code places.yml}: country code
 * to a list of names, where a city of a covered country is a list of its own spellings ({@link City}); the same
 * for {@code country-words.yml}, words that belong to one country without naming it ("ИИН" is Kazakh). Names and
 * question are compared as stemmed word sequences, so cases do not matter. Words are given in lower case with ё
 * as е, Latin ones already turned into Cyrillic where that helps.
 */
final class PlaceNames {

    /** A name of a country or of a place in it; {@code city} is the city it names, if it is one. */
    private record Place(Destination country, List<String> stems, List<String> spellings, City city) {
    }

    private static final int MAX_CACHED_WORDS = 20_000;

    /** Places by the stem of their first word: a question is checked against the few that can start at a word. */
    private final Map<String, List<Place>> byFirstStem = new java.util.HashMap<>();
    /** The cities of each country, in the order of the file. */
    private final Map<Destination, List<City>> cities = new java.util.EnumMap<>(Destination.class);
    private final TextAnalysis analysis;
    /** Each word's stem: running the analyzer word by word, four times per question, was a tenth of a search. */
    private final Map<String, String> stems = new java.util.concurrent.ConcurrentHashMap<>();

    PlaceNames(Path file, TextAnalysis analysis) {
        this.analysis = analysis;
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            if (!(loaded instanceof Map<?, ?> map)) {
                throw new IllegalStateException(file + " must map country codes to lists of names");
            }
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Destination country = Destination.fromCode(String.valueOf(entry.getKey())).orElseThrow(() ->
                        new IllegalStateException(file + ": unknown country " + entry.getKey()));
                for (Object name : (List<?>) entry.getValue()) {
                    if (name instanceof List<?> spellings && !spellings.isEmpty()) {
                        City city = city(country, spellings);
                        spellings.forEach(spelling -> add(country, String.valueOf(spelling), city));
                    } else {
                        add(country, String.valueOf(name), null);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(Destination country, String name, City city) {
        List<String> stems = analysis.russianStems(name);
        if (!stems.isEmpty()) {
            List<String> spellings = java.util.Arrays.stream(name.toLowerCase(java.util.Locale.ROOT).replace('ё', 'е')
                    .split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
            Place place = new Place(country, stems, spellings.size() == stems.size() ? spellings : stems, city);
            byFirstStem.computeIfAbsent(stems.get(0), s -> new ArrayList<>()).add(place);
        }
    }

    /** A city's spellings, the Russian name first; the first in Latin letters is the English name. */
    private City city(Destination country, List<?> spellings) {
        if (country.country().isEmpty()) {
            return null; // a destination the bot does not cover: its cities are only names that tell the country
        }
        String russian = String.valueOf(spellings.get(0));
        String english = spellings.stream().map(String::valueOf).filter(Translit::hasLatin).findFirst().orElse(russian);
        City city = new City(country.country().get(), russian, english);
        cities.computeIfAbsent(country, c -> new ArrayList<>()).add(city);
        return city;
    }

    /** The cities of a country, in the order of the file. */
    List<City> cities(Destination country) {
        return List.copyOf(cities.getOrDefault(country, List.of()));
    }

    /** The city named last in the text ("в Алматы", "almaty"). */
    Optional<City> namedCity(List<String> words) {
        return last(words, at -> false, place -> place.city() != null).map(Place::city);
    }

    /** Every country the question names, in no particular order. */
    java.util.Set<Destination> all(List<String> words) {
        List<String> stems = stems(words);
        java.util.Set<Destination> found = java.util.EnumSet.noneOf(Destination.class);
        for (int at = 0; at < words.size(); at++) {
            for (Place place : startingAt(words, stems, at)) {
                if (matchesAt(place, words, stems, at)) {
                    found.add(place.country());
                }
            }
        }
        return found;
    }

    /** The country named last in the question ("из Казахстана в Грузию" is about Georgia). */
    Optional<Destination> named(List<String> words) {
        return named(words, at -> false);
    }

    /** The country named last at a position {@code skipped} does not refuse. */
    Optional<Destination> named(List<String> words, java.util.function.IntPredicate skipped) {
        return last(words, skipped, place -> true).map(Place::country);
    }

    private Optional<Place> last(List<String> words, java.util.function.IntPredicate skipped,
                                 java.util.function.Predicate<Place> wanted) {
        List<String> stems = stems(words);
        for (int at = words.size() - 1; at >= 0; at--) {
            if (skipped.test(at)) {
                continue;
            }
            for (Place place : startingAt(words, stems, at)) {
                if (wanted.test(place) && matchesAt(place, words, stems, at)) {
                    return Optional.of(place);
                }
            }
        }
        return Optional.empty();
    }

    /** The country of a place whose name starts at {@code at}, if one does. */
    Optional<Destination> startingAt(List<String> words, int at) {
        List<String> stems = stems(words);
        return startingAt(words, stems, at).stream().filter(place -> matchesAt(place, words, stems, at))
                .map(Place::country).findFirst();
    }

    /** Positions in the question taken by place names: they choose the country, not the article. */
    boolean[] positions(List<String> words) {
        List<String> stems = stems(words);
        boolean[] taken = new boolean[words.size()];
        for (int at = 0; at < words.size(); at++) {
            for (Place place : startingAt(words, stems, at)) {
                if (matchesAt(place, words, stems, at)) {
                    java.util.Arrays.fill(taken, at, at + place.stems().size(), true);
                }
            }
        }
        return taken;
    }

    /** The places whose first word may be the word at {@code at}: the same stem, or its stem plus an ending. */
    private List<Place> startingAt(List<String> words, List<String> stems, int at) {
        List<Place> candidates = new ArrayList<>(byFirstStem.getOrDefault(stems.get(at), List.of()));
        String word = words.get(at);
        for (int length = Math.max(4, word.length() - 3); length <= word.length(); length++) {
            for (Place place : byFirstStem.getOrDefault(word.substring(0, length), List.of())) {
                if (!candidates.contains(place)) {
                    candidates.add(place);
                }
            }
        }
        return candidates;
    }

    private List<String> stems(List<String> words) {
        if (stems.size() > MAX_CACHED_WORDS) {
            stems.clear();
        }
        return words.stream().map(w -> stems.computeIfAbsent(w,
                word -> analysis.russianStems(word).stream().findFirst().orElse(word))).toList();
    }

    /**
     * The stemmer does not treat names consistently ("Ереван" → "ерева", "Ереване" → "ереван"), so a word
     * also matches when it is the name's stem plus a short case ending.
     */
    private static boolean matchesAt(Place place, List<String> words, List<String> stems, int at) {
        if (at + place.stems().size() > words.size()) {
            return false;
        }
        for (int i = 0; i < place.stems().size(); i++) {
            String name = place.stems().get(i);
            String word = words.get(at + i);
            boolean sameStem = name.equals(stems.get(at + i));
            boolean inflected = name.length() >= 4 && word.startsWith(name) && word.length() <= name.length() + 3;
            if ((!sameStem && !inflected) || !likeSpelling(name, place.spellings().get(i), word)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A name whose stem is short is cut deep by the stemmer, and ordinary words share the stub: "Семей" and "семьей",
     * "семь" all stem to "сем". Such a name matches a word that is the stub itself or that starts as the name
     * does but for its last letter ("Семее", "Семея"); a longer stem says enough on its own.
     */
    private static boolean likeSpelling(String stem, String spelling, String word) {
        if (stem.length() >= 4 || spelling.length() <= stem.length()) {
            return true;
        }
        return word.equals(stem) || word.startsWith(spelling.substring(0, spelling.length() - 1));
    }
}
