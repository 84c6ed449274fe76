package org.relohelp.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.relohelp.chat.Asked;
import org.relohelp.chat.Conversation;
import org.relohelp.chat.Country;
import org.relohelp.chat.CountryNames;
import org.relohelp.chat.Language;
import org.relohelp.chat.Profile;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * "Which country are you in now?" (/start, /country) answered in words instead of a button: "казахстан", "в Алматы",
 * "Kazakhstan!", a button's label copied. The question the bot has just asked wins over everything else a message
 * may be (a ticket's relay, a host's conversation), for that one message: a message that is only a country is saved
 * as the button would save it; anything else goes on as before, and the next message is read as usual.
 *
 * <p>That the question is open is kept in memory, by user id only, for {@link #OPEN}: a restart in between (or a
 * new leader) only means the typed answer is read as any message, as it was before.
 */
@Component
class CountryQuestion implements Conversation {

    /** Before everything else: the answer to the question just asked is no message for a volunteer or a host. */
    static final int ORDER = 0;
    static final Duration OPEN = Duration.ofMinutes(30);
    private static final int SWEEP_ABOVE = 10_000;
    private static final int MAX_WORDS = 3;
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}-]+");
    /** Words around a country that do not change the answer: "я в Казахстане", "сейчас в Алматы", "in Almaty". */
    private static final Set<String> AROUND = Set.of("я", "мы", "в", "во", "из", "сейчас", "теперь", "уже", "тут",
            "здесь", "живу", "живем", "нахожусь", "находимся", "страна", "город", "г", "i", "m", "im", "am", "we",
            "are", "in", "now", "currently", "live", "living", "country", "city", "the", "ya", "v", "seychas");

    private final Map<Long, Instant> open = new ConcurrentHashMap<>();
    private final CountryNames places;
    private final Profiles profiles;
    private final Texts texts;
    private final Clock clock;

    CountryQuestion(CountryNames places, Profiles profiles, Texts texts, Clock clock) {
        this.places = places;
        this.profiles = profiles;
        this.texts = texts;
        this.clock = clock;
    }

    /** The question was asked: the person's next message may be its answer. */
    void asked(long userId) {
        Instant now = clock.instant();
        if (open.size() > SWEEP_ABOVE) {
            open.values().removeIf(at -> at.isBefore(now.minus(OPEN)));
        }
        open.put(userId, now);
    }

    /** The country chosen, by a button or in words: saved, and what to do next. */
    Reply saved(Profile profile, Country country) {
        open.remove(profile.userId());
        profiles.setCountry(profile.userId(), country);
        Language lang = profile.language();
        return Reply.text(country == Country.OTHER ? texts.get(lang, "country.saved-other")
                : texts.get(lang, "country.saved", texts.countryName(lang, country)));
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public Optional<Reply> take(Asked asked) {
        Instant at = open.remove(asked.userId());
        if (at == null || at.isBefore(clock.instant().minus(OPEN)) || !asked.message().isText()) {
            return Optional.empty();
        }
        return onlyACountry(asked.message().text()).map(country -> saved(asked.profile(), country));
    }

    @EventListener
    void forget(UserForgotten event) {
        open.remove(event.userId());
    }

    /**
     * The country a message names when it says nothing else: a button's label in either language ("🌍 Другая
     * страна" too), or up to {@link #MAX_WORDS} words, each naming the same country, with "я", "в", "сейчас"… around
     * them. "иин в казахстане" is no answer: it is read as any message.
     */
    private Optional<Country> onlyACountry(String text) {
        String plain = plain(text);
        for (Country country : Country.values()) {
            for (Language lang : Language.values()) {
                if (plain.equals(plain(texts.plain(lang, country.nameKey())))) {
                    return Optional.of(country);
                }
            }
        }
        List<String> words = new ArrayList<>();
        for (String word : plain.split(" ")) {
            if (!word.isEmpty() && !word.matches("-+") && !AROUND.contains(word)) {
                words.add(word);
            }
        }
        if (words.isEmpty() || words.size() > MAX_WORDS) {
            return Optional.empty();
        }
        Optional<Country> named = Optional.empty();
        for (String word : words) {
            Optional<Country> country = places.countryNamedIn(word);
            if (country.isEmpty() || named.isPresent() && !named.equals(country)) {
                return Optional.empty();
            }
            named = country;
        }
        return named;
    }

    private static String plain(String text) {
        return NOT_A_WORD.matcher(text.toLowerCase(Locale.ROOT).replace('ё', 'е')).replaceAll(" ").strip();
    }
}
