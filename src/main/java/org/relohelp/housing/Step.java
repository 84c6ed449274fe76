package org.relohelp.housing;

import org.relohelp.chat.Language;

/**
 * A housing dialogue in progress: an offer being written ({@code offerId} null) or changed, a search, or a request
 * waiting for its message ({@code offerId} the offer, {@code terms} the stay's dates and people). {@code back}
 * sends a changed answer straight back to the offer's preview.
 */
record Step(long userId, Stage stage, Long offerId, boolean back, Terms terms, Language language) {

    enum Stage {
        OFFER_COUNTRY, OFFER_CITY, OFFER_KIND, OFFER_PEOPLE, OFFER_DATES, OFFER_PRICE, OFFER_CONDITIONS,
        OFFER_DESCRIPTION, OFFER_PREVIEW,
        SEARCH_COUNTRY, SEARCH_CITY, SEARCH_DATES, SEARCH_PEOPLE,
        REQUEST_MESSAGE;

        boolean offer() {
            return name().startsWith("OFFER_");
        }

        boolean search() {
            return name().startsWith("SEARCH_");
        }
    }

    Step at(Stage next) {
        return new Step(userId, next, offerId, back, terms, language);
    }

    Step with(Terms changed) {
        return new Step(userId, stage, offerId, back, changed, language);
    }

    Step back(boolean toPreview) {
        return new Step(userId, stage, offerId, toPreview, terms, language);
    }
}
