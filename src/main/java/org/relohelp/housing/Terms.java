package org.relohelp.housing;

import java.time.LocalDate;
import org.relohelp.chat.Country;

/**
 * What an offer says: the place (a country and one of its cities from {@code places.yml}, by its Russian name),
 * what it is, for how many people, from when to when (the last date is the day one leaves), free ({@code price}
 * null) or a price per night or month in a currency, the conditions and a short description. While an offer is
 * being written some parts are still missing (null).
 */
record Terms(Country country, String city, Kind kind, Integer people, LocalDate from, LocalDate to, Integer price,
             Per per, String currency, boolean children, boolean pets, boolean smoking, String description) {

    enum Kind { BED, ROOM, FLAT }

    enum Per { NIGHT, MONTH }

    /** A new offer: children welcome, no pets, no smoking, until the host says otherwise. */
    static Terms empty(Country country) {
        return new Terms(country, null, null, null, null, null, null, null, null, true, false, false, null);
    }

    boolean free() {
        return price == null;
    }

    boolean complete() {
        return country != null && city != null && kind != null && people != null && from != null && to != null
                && description != null;
    }

    Terms place(Country newCountry, String newCity) {
        return new Terms(newCountry, newCity, kind, people, from, to, price, per, currency, children, pets, smoking,
                description);
    }

    Terms kind(Kind newKind) {
        return new Terms(country, city, newKind, people, from, to, price, per, currency, children, pets, smoking,
                description);
    }

    Terms people(int newPeople) {
        return new Terms(country, city, kind, newPeople, from, to, price, per, currency, children, pets, smoking,
                description);
    }

    Terms dates(LocalDate newFrom, LocalDate newTo) {
        return new Terms(country, city, kind, people, newFrom, newTo, price, per, currency, children, pets, smoking,
                description);
    }

    Terms price(Integer newPrice, Per newPer, String newCurrency) {
        return new Terms(country, city, kind, people, from, to, newPrice, newPer, newCurrency, children, pets,
                smoking, description);
    }

    Terms conditions(boolean newChildren, boolean newPets, boolean newSmoking) {
        return new Terms(country, city, kind, people, from, to, price, per, currency, newChildren, newPets,
                newSmoking, description);
    }

    Terms description(String newDescription) {
        return new Terms(country, city, kind, people, from, to, price, per, currency, children, pets, smoking,
                newDescription);
    }

    /** Whether a stay from {@code stayFrom} to {@code stayTo} for {@code guests} people fits in this offer. */
    boolean fits(LocalDate stayFrom, LocalDate stayTo, int guests) {
        return !stayFrom.isBefore(from) && !stayTo.isAfter(to) && guests <= people;
    }
}
