package org.relohelp.housing;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import org.relohelp.chat.Language;
import org.relohelp.chat.Texts;
import org.springframework.stereotype.Component;

/**
 * How much one person may do, so that nobody floods hosts or the listings: requests per minute and per hour, and
 * open offers per host (settings {@code relohelp.housing.*}). Each refusal is a polite sentence saying why and what
 * to do; nothing is changed.
 */
@Component
class Limits {

    private final Requests requests;
    private final Offers offers;
    private final HousingProperties properties;
    private final Texts texts;
    private final Clock clock;

    Limits(Requests requests, Offers offers, HousingProperties properties, Texts texts, Clock clock) {
        this.requests = requests;
        this.offers = offers;
        this.properties = properties;
        this.texts = texts;
        this.clock = clock;
    }

    /** Why this person may not send another request now, if they may not. */
    Optional<String> request(long guestId, Language lang) {
        LocalDateTime now = LocalDateTime.now(clock);
        if (requests.sentSince(guestId, now.minusMinutes(1)) >= properties.requestsPerMinute()) {
            return Optional.of(texts.get(lang, "housing.limit.minute", properties.requestsPerMinute()));
        }
        if (requests.sentSince(guestId, now.minusHours(1)) >= properties.requestsPerHour()) {
            return Optional.of(texts.get(lang, "housing.limit.hour", properties.requestsPerHour()));
        }
        return Optional.empty();
    }

    /** Why this host may not post another offer now, if they may not. */
    Optional<String> offer(long hostId, Language lang) {
        if (offers.openOf(hostId).size() >= properties.offersPerHost()) {
            return Optional.of(texts.get(lang, "housing.limit.offers", properties.offersPerHost()));
        }
        return Optional.empty();
    }
}
