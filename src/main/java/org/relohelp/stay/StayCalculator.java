package org.relohelp.stay;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Counts a stay the way the rules do. The entry day counts as day 1, and so does the day of any exit; a day
 * with an exit and a re-entry counts once. Each day is judged by the rule in force on that day, so a stay
 * across a rule change is counted by the old rule before it and the new one after it. A person is assumed
 * to stay on from the entry date; earlier trips count only where a rule looks back over a window.
 */
final class StayCalculator {

    private static final int HORIZON_DAYS = 1100;

    record Trip(LocalDate entry, LocalDate exit) {
    }

    /** A stretch of the stay judged by one rule. */
    record Period(StayRule rule, LocalDate from, LocalDate to) {
    }

    /**
     * Days used, days left and the last legal day always agree: {@code used} counts every day spent in today's
     * window, legal or not, and {@code left} is the number of days from today to the last legal day (0 when over
     * the limit). Both are null when a limit on the way is unknown, as the last legal day is then.
     *
     * @param used            days counted by today's rule, every day present (null when not computed)
     * @param left            days from today to the last legal day, 0 when over the limit (null when not computed)
     * @param lastLegalDay    the last day of a legal stay if it goes on (null when a limit is unknown)
     * @param overstaySince   the first day over the limit if that is today or earlier
     * @param unknownFrom     the first day whose limit is unknown, if any (and {@code unknownRule}, its rule)
     * @param registrationBy  the registration deadline under the rule at entry (null: none or unknown)
     * @param periods         the rules in force from the entry to today, or to the last legal day if later
     */
    record Result(LocalDate entry, LocalDate today, StayRule todayRule, Integer used, Integer left,
                  LocalDate lastLegalDay, LocalDate overstaySince, LocalDate unknownFrom, StayRule unknownRule,
                  StayRule entryRule,
                  LocalDate registrationBy, List<Period> periods) {

        /** The deadline is behind: this is when fines apply. */
        boolean registrationPassed() {
            return registrationBy != null && registrationBy.isBefore(today);
        }
    }

    private StayCalculator() {
    }

    static Result compute(List<StayRule> rules, LocalDate entry, List<Trip> earlier, LocalDate today) {
        Set<LocalDate> present = new HashSet<>();
        for (Trip trip : earlier) {
            for (LocalDate d = trip.entry(); !d.isAfter(trip.exit()); d = d.plusDays(1)) {
                present.add(d);
            }
        }
        for (LocalDate d = entry; !d.isAfter(today); d = d.plusDays(1)) {
            present.add(d); // every day spent here so far counts, legal or not
        }
        LocalDate lastLegal = null;
        LocalDate firstIllegal = null;
        LocalDate unknownFrom = null;
        StayRule unknownRule = null;
        for (LocalDate d = entry; d.isBefore(today.plusDays(HORIZON_DAYS)); d = d.plusDays(1)) {
            present.add(d); // staying on
            Optional<StayRule> rule = ruleOn(rules, d);
            if (rule.isEmpty() || rule.get().limit().kind() == StayRule.LimitKind.UNKNOWN) {
                unknownFrom = d;
                unknownRule = rule.orElse(null);
                lastLegal = null;
                break;
            }
            if (!legal(rule.get(), d, entry, present)) {
                firstIllegal = d;
                break;
            }
            lastLegal = d;
        }
        LocalDate overstay = firstIllegal != null && !firstIllegal.isAfter(today) ? firstIllegal : null;
        StayRule todayRule = ruleOn(rules, today).orElse(null);
        Integer used = null;
        Integer left = null;
        boolean counted = unknownFrom == null && (lastLegal != null || firstIllegal != null);
        if (counted && todayRule != null && todayRule.limit().kind() != StayRule.LimitKind.UNKNOWN) {
            used = count(todayRule, today, entry, present);
            left = overstay != null ? 0 : (int) (lastLegal.toEpochDay() - today.toEpochDay());
        }
        StayRule entryRule = ruleOn(rules, entry).orElse(null);
        LocalDate end = lastLegal != null && lastLegal.isAfter(today) ? lastLegal : today;
        return new Result(entry, today, todayRule, used, left, lastLegal, overstay, unknownFrom, unknownRule, entryRule,
                registrationBy(entryRule, entry), periods(rules, entry, end.isBefore(entry) ? entry : end));
    }

    static Optional<StayRule> ruleOn(List<StayRule> rules, LocalDate day) {
        return rules.stream().filter(r -> r.holdsOn(day)).findFirst();
    }

    private static boolean legal(StayRule rule, LocalDate day, LocalDate entry, Set<LocalDate> present) {
        return count(rule, day, entry, present) <= rule.limit().days();
    }

    /** Days counted on {@code day} by the rule: since entry, within the window, or in the calendar year. */
    static int count(StayRule rule, LocalDate day, LocalDate entry, Set<LocalDate> present) {
        return switch (rule.limit().kind()) {
            case PER_ENTRY -> (int) (day.toEpochDay() - entry.toEpochDay() + 1);
            case ROLLING -> countPresent(present, day.minusDays(rule.limit().windowDays() - 1L), day);
            case CALENDAR_YEAR -> countPresent(present, day.withDayOfYear(1), day);
            case UNKNOWN -> 0;
        };
    }

    private static int countPresent(Set<LocalDate> present, LocalDate from, LocalDate to) {
        int days = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (present.contains(d)) {
                days++;
            }
        }
        return days;
    }

    /** Day N counting the entry day as day 1; working days skip Saturdays and Sundays (not holidays). */
    static LocalDate registrationBy(StayRule rule, LocalDate entry) {
        if (rule == null) {
            return null;
        }
        int n = rule.registration().days();
        return switch (rule.registration().kind()) {
            case DAYS -> entry.plusDays(n - 1L);
            case WORKING_DAYS -> {
                LocalDate d = entry;
                int counted = 0;
                while (true) {
                    if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                        counted++;
                        if (counted == n) {
                            yield d;
                        }
                    }
                    d = d.plusDays(1);
                }
            }
            case NONE, UNKNOWN -> null;
        };
    }

    /** The rules in force day by day, as stretches. */
    private static List<Period> periods(List<StayRule> rules, LocalDate from, LocalDate to) {
        List<Period> periods = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Optional<StayRule> rule = ruleOn(rules, d);
            if (rule.isEmpty()) {
                continue;
            }
            Period last = periods.isEmpty() ? null : periods.get(periods.size() - 1);
            if (last != null && last.rule() == rule.get() && last.to().plusDays(1).equals(d)) {
                periods.set(periods.size() - 1, new Period(rule.get(), last.from(), d));
            } else {
                periods.add(new Period(rule.get(), d, d));
            }
        }
        return List.copyOf(periods);
    }
}
