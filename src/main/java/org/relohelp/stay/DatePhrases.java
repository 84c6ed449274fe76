package org.relohelp.stay;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as people type them: 25.09.2022, 25.09, 25/09/22, 2022-09-25, «25 сентября», "September 25",
 * «вчера», «сегодня». A date without a year is the latest such day not after today. Hand-written: the
 * libraries that read natural-language dates (Natty, Duckling) are English-only or not on Maven Central.
 */
final class DatePhrases {

    enum Problem { NONE, UNREADABLE, FUTURE, AMBIGUOUS }

    record Parsed(LocalDate date, Problem problem, List<LocalDate> options) {
        static Parsed ok(LocalDate date) {
            return new Parsed(date, Problem.NONE, List.of());
        }

        static Parsed problem(Problem problem) {
            return new Parsed(null, problem, List.of());
        }
    }

    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})\\s*([./-])\\s*(\\d{1,2})(?:\\s*\\2\\s*(\\d{2}|\\d{4}))?");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DAY_MONTH = Pattern.compile("(\\d{1,2})\\s+([\\p{L}]+)\\.?(?:\\s+(\\d{4}))?");
    private static final Pattern MONTH_DAY = Pattern.compile("([\\p{L}]+)\\.?\\s+(\\d{1,2})(?:,?\\s+(\\d{4}))?");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("янв", 1), Map.entry("фев", 2), Map.entry("мар", 3), Map.entry("апр", 4), Map.entry("мая", 5),
            Map.entry("май", 5), Map.entry("июн", 6), Map.entry("июл", 7), Map.entry("авг", 8), Map.entry("сен", 9),
            Map.entry("окт", 10), Map.entry("ноя", 11), Map.entry("дек", 12), Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

    private DatePhrases() {
    }

    /** A past or present date (an entry or an exit); a future one is reported as such. */
    static Parsed parse(String input, LocalDate today) {
        String text = input.strip().toLowerCase(Locale.ROOT).replace('ё', 'е');
        Parsed parsed = read(text, today);
        if (parsed.problem() == Problem.NONE && parsed.date().isAfter(today)) {
            return Parsed.problem(Problem.FUTURE);
        }
        return parsed;
    }

    private static Parsed read(String text, LocalDate today) {
        switch (text) {
            case "сегодня", "today" -> {
                return Parsed.ok(today);
            }
            case "вчера", "yesterday" -> {
                return Parsed.ok(today.minusDays(1));
            }
            case "позавчера" -> {
                return Parsed.ok(today.minusDays(2));
            }
            default -> { }
        }
        try {
            Matcher iso = ISO.matcher(text);
            if (iso.matches()) {
                return Parsed.ok(LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3))));
            }
            Matcher numeric = NUMERIC.matcher(text);
            if (numeric.matches()) {
                int a = Integer.parseInt(numeric.group(1));
                int b = Integer.parseInt(numeric.group(3));
                Integer year = year(numeric.group(4));
                if (numeric.group(2).equals("/") && a <= 12 && b <= 12 && a != b) {
                    // 05/06 is 5 June in Russia and 6 May in the US: ask rather than guess
                    return new Parsed(null, Problem.AMBIGUOUS, List.of(date(a, b, year, today), date(b, a, year, today)));
                }
                return Parsed.ok(date(a, b, year, today));
            }
            Matcher dayMonth = DAY_MONTH.matcher(text);
            if (dayMonth.matches() && month(dayMonth.group(2)) > 0) {
                return Parsed.ok(date(Integer.parseInt(dayMonth.group(1)), month(dayMonth.group(2)),
                        year(dayMonth.group(3)), today));
            }
            Matcher monthDay = MONTH_DAY.matcher(text);
            if (monthDay.matches() && month(monthDay.group(1)) > 0) {
                return Parsed.ok(date(Integer.parseInt(monthDay.group(2)), month(monthDay.group(1)),
                        year(monthDay.group(3)), today));
            }
        } catch (DateTimeException impossible) {
            return Parsed.problem(Problem.UNREADABLE);
        }
        return Parsed.problem(Problem.UNREADABLE);
    }

    private static LocalDate date(int day, int month, Integer year, LocalDate today) {
        if (year != null) {
            return LocalDate.of(year, month, day);
        }
        LocalDate candidate = LocalDate.of(today.getYear(), month, day);
        return candidate.isAfter(today) ? LocalDate.of(today.getYear() - 1, month, day) : candidate;
    }

    private static Integer year(String text) {
        if (text == null) {
            return null;
        }
        int year = Integer.parseInt(text);
        return text.length() == 2 ? 2000 + year : year;
    }

    private static int month(String word) {
        return word.length() < 3 ? 0 : MONTHS.getOrDefault(word.substring(0, 3), 0);
    }
}
