package org.relohelp.housing;

import java.time.LocalDate;
import java.util.List;
import org.relohelp.stay.DatePhrases;

/**
 * The two dates of a stay or an offer — from when, and the day one leaves — as people type them ("05.12 – 20.12",
 * «с 5 по 20 декабря», «сегодня – 10.12», "1 December 2026 – 5 January 2027"), read by the stay feature's
 * {@link DatePhrases} as days near today. What is wrong with them is said plainly: none found, only one, a date that
 * cannot be (31.02), an ambiguous one (05/06), a date already past, the end not after the start, too far ahead.
 */
record DateRange(LocalDate from, LocalDate to, Problem problem) {

    enum Problem { NONE, NOT_FOUND, ONE, UNREADABLE, AMBIGUOUS, PAST, ORDER, TOO_FAR }

    static DateRange read(String text, LocalDate today, int daysAhead) {
        List<DatePhrases.Found> found = DatePhrases.find(text, today, DatePhrases.Reading.NEAREST);
        if (found.isEmpty()) {
            return problem(Problem.NOT_FOUND);
        }
        for (DatePhrases.Found phrase : found.subList(0, Math.min(2, found.size()))) {
            if (!phrase.parsed().isOk()) {
                return problem(phrase.parsed().problem() == DatePhrases.Problem.AMBIGUOUS ? Problem.AMBIGUOUS
                        : Problem.UNREADABLE);
            }
        }
        if (found.size() == 1) {
            return problem(Problem.ONE);
        }
        LocalDate from = found.get(0).parsed().date();
        LocalDate to = found.get(1).parsed().date();
        if (from.isBefore(today) || to.isBefore(today)) {
            return problem(Problem.PAST);
        }
        if (!to.isAfter(from)) {
            return problem(Problem.ORDER);
        }
        if (from.isAfter(today.plusDays(daysAhead)) || to.isAfter(from.plusDays(daysAhead))) {
            return problem(Problem.TOO_FAR);
        }
        return new DateRange(from, to, Problem.NONE);
    }

    private static DateRange problem(Problem problem) {
        return new DateRange(null, null, problem);
    }
}
