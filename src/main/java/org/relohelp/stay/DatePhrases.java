package org.relohelp.stay;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.search.spell.LuceneLevenshteinDistance;
import org.springframework.modulith.NamedInterface;

/**
 * Dates as people type them, alone or inside a sentence: 25.09.2022, 25.09, 25/09/22, 2022-09-25,
 * «25 сентября», «1-го октября 22-го», "September 25", "1st of October", "3 sentyabrya" (Russian typed in Latin),
 * «вчера», «сегодня», «3 дня назад», «20 ноября прошлого года», a month misspelt by one letter («сентебря»); a
 * month and a year without a day is found as {@link Problem#NO_DAY}. A date without a year is the latest such day not after today — or, read as {@link
 * Reading#NEAREST} (the dates of a stay to come), the such day nearest to today. Hand-written: the libraries that
 * read natural-language dates (Natty, Duckling) are English-only or not on Maven Central.
 */
@NamedInterface("dates")
public final class DatePhrases {

    /** How a date is read for what it is about. */
    @NamedInterface("dates")
    public enum Reading {
        /** A day that has been (an entry, a trip): without a year the latest such day, and a later one is FUTURE. */
        PAST,
        /**
         * A day near today either way (a stay to come, housing): without a year the such day nearest to today, so
         * «05.01» written in December is next January's and «01.12» written on 5 December this week's; «завтра» and
         * "tomorrow" count; whether a day is past is the caller's to judge.
         */
        NEAREST
    }

    /** NO_DAY: a month and a year without a day («в сентябре 22-го»); its one option is that month's first day. */
    @NamedInterface("dates")
    public enum Problem { NONE, UNREADABLE, FUTURE, AMBIGUOUS, NO_DAY }

    @NamedInterface("dates")
    public record Parsed(LocalDate date, Problem problem, List<LocalDate> options) {
        static Parsed ok(LocalDate date) {
            return new Parsed(date, Problem.NONE, List.of());
        }

        static Parsed problem(Problem problem) {
            return new Parsed(null, problem, List.of());
        }

        public boolean isOk() {
            return problem == Problem.NONE;
        }
    }

    /**
     * A date phrase found in a text, in the order of the text. {@code relative} marks «вчера», «сегодня»: in a
     * sentence they are often not the date asked for («сколько мне сегодня осталось»). {@code yearGiven} is false
     * when the year was taken from today.
     */
    @NamedInterface("dates")
    public record Found(Parsed parsed, boolean relative, boolean yearGiven) {
    }

    /** Month names: Russian (any case, short forms), English, and Russian typed in Latin letters. */
    private static final List<Pattern> MONTHS = List.of(
            Pattern.compile("янв(арь|аря|аре)?|jan(uary)?|[yij]?anvar[yij]?[ae]?"),
            Pattern.compile("фев(раль|раля|рале)?|feb(ruary)?|fevral[yij]?[ae]?"),
            Pattern.compile("мар(т|та|те)?|mar(ch)?|mart[ae]?"),
            Pattern.compile("апр(ель|еля|еле)?|apr(il)?|aprel[yij]?[ae]?"),
            Pattern.compile("ма[йяе]|may|ma[yij][ae]?|mai"),
            Pattern.compile("июн(ь|я|е)?|june?|(iy|i|j)un[yij]?[ae]?"),
            Pattern.compile("июл(ь|я|е)?|july?|(iy|i|j)ul[yij]?[ae]?"),
            Pattern.compile("авг(уст|уста|усте)?|aug(ust)?|avg(ust)?[ae]?"),
            Pattern.compile("сен(т|тябрь|тября|тябре)?|sep(t|tember)?|sent([yij]a|e)?br[yij]?[ae]?"),
            Pattern.compile("окт(ябрь|ября|ябре)?|oct(ober)?|okt([yij]a|e)?br[yij]?[ae]?"),
            Pattern.compile("ноя(б|брь|бря|бре)?|nov(ember)?|no[yij]abr[yij]?[ae]?"),
            Pattern.compile("дек(абрь|абря|абре)?|dec(ember)?|dekabr[yij]?[ae]?"));
    private static final Pattern ENGLISH_MONTH = Pattern.compile("jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?"
            + "|july?|aug(ust)?|sep(t|tember)?|oct(ober)?|nov(ember)?|dec(ember)?");
    /** Russian month names in full, for a word one slip away from one («сентебря», «октбря», «сенятбря»). */
    private static final List<List<String>> MONTH_NAMES = List.of(
            List.of("январь", "января", "январе"), List.of("февраль", "февраля", "феврале"),
            List.of("март", "марта", "марте"), List.of("апрель", "апреля", "апреле"), List.of("май", "мая", "мае"),
            List.of("июнь", "июня", "июне"), List.of("июль", "июля", "июле"), List.of("август", "августа", "августе"),
            List.of("сентябрь", "сентября", "сентябре"), List.of("октябрь", "октября", "октябре"),
            List.of("ноябрь", "ноября", "ноябре"), List.of("декабрь", "декабря", "декабре"));
    /** Counts a swap of two letters as one slip, as people make them on a phone. */
    private static final LuceneLevenshteinDistance SLIPS = new LuceneLevenshteinDistance();
    private static final String MONTH_WORD = "(?:янв|фев|мар|апр|ма|июн|июл|авг|сен|окт|ноя|дек|jan|feb|mar|apr|may|"
            + "jun|jul|aug|sep|oct|nov|dec|[yij]?anv|fev|mart|aprel|ma[yij]|mai|iy?u|ju|avg|sent|okt|no[yij]|dek)\\p{L}*";
    private static final String NOT_AFTER_LETTER = "(?<![\\p{L}\\d])";
    private static final String ORDINAL = "(?:st|nd|rd|th|-?го|-?е)?";
    /** The word after a year: «22-го», «2022г.», «22 года», «в 2022 году», "22 goda". */
    private static final String YEAR_WORD = "\\s*(?:-?го(?:\\s+год[ауе]?)?|-?м(?:\\s+год[ауе]?)?|г\\.?|год[ауе]?|god[au]?|g\\.?)"
            + "(?![\\p{L}])";
    /**
     * A year: four digits, or two with the word after them («22 года», «в 23-м») or ending the text or clause
     * («21 сентября 22»); two digits followed by another word are no year («с 3 марта 25 дней»).
     */
    private static final String YEAR_DIGITS = "'?(?<%1$s>\\d{4}(?!\\d)|\\d{2}(?=" + YEAR_WORD + ")"
            + "|(?:1[4-9]|[23]\\d)(?=\\s*(?:$|[.,;!?)])))(?:" + YEAR_WORD + ")?";
    /** «прошлого года», «этого года», "last year" */
    private static final String YEAR_NAMED = "(?<%1$sNamed>(?:поза)?прошл\\p{L}*\\s+год\\p{L}*|эт(?:ого|ом)\\s+год\\p{L}*"
            + "|текущ\\p{L}*\\s+год\\p{L}*|proshl\\p{L}*\\s+god\\p{L}*|last\\s+year|this\\s+year)(?![\\p{L}])";
    private static final String YEAR = "(?:,?\\s+(?:в\\s+|in\\s+)?(?:" + YEAR_DIGITS + "|" + YEAR_NAMED + "))?";
    /** 2022-09-25 */
    private static final String ISO = "(?<![\\d./-])(?<isoY>\\d{4})-(?<isoM>\\d{1,2})-(?<isoD>\\d{1,2})(?![\\d.])";
    /** «с 1 по 5 июля», "1–5 October": two days of one month */
    private static final String RANGE = NOT_AFTER_LETTER + "(?<![\\d.])(?<r1>\\d{1,2})\\s*(?:-|–|—|по|до|to|till|until)\\s*"
            + "(?<r2>\\d{1,2})" + ORDINAL + "\\s*(?:of\\s+)?(?<rM>" + MONTH_WORD + ")\\.?" + YEAR.formatted("rY");
    /** 25.09.2022, 25/09/22, 25-09; without a year the month has two digits ("1.5 года" is no date) */
    private static final String NUMERIC = "(?<![\\d.])(?<a>\\d{1,2})(?<sep>[./-])(?<b>\\d{1,2})"
            + "(?:\\k<sep>(?<numY>\\d{4}|\\d{2}))?(?!\\d|[./]\\d)";
    /** «25 сентября 2022», "1st of October" */
    private static final String DAY_MONTH = NOT_AFTER_LETTER + "(?<![\\d.])(?<dmD>\\d{1,2})" + ORDINAL + "\\s*(?:of\\s+)?"
            + "(?<dmM>" + MONTH_WORD + ")\\.?" + YEAR.formatted("dmY");
    /** "September 25, 2022" */
    private static final String MONTH_DAY = NOT_AFTER_LETTER + "(?<mdM>" + MONTH_WORD + ")\\.?\\s+(?:the\\s+)?"
            + "(?<mdD>\\d{1,2})(?:st|nd|rd|th)?(?![\\d.:/-])(?!" + YEAR_WORD + ")" + YEAR.formatted("mdY");
    /** «в сентябре 22-го», "September 2022": a month and a year, no day */
    private static final String MONTH_YEAR = NOT_AFTER_LETTER + "(?<myM>" + MONTH_WORD + ")\\.?,?\\s+"
            + YEAR_DIGITS.formatted("myY");
    private static final String RELATIVE = NOT_AFTER_LETTER
            + "(?<rel>позавчера|вчера|сегодня|послезавтра|завтра|today|yesterday|tomorrow|vchera|segodn[yij]a|zavtra)"
            + "(?![\\p{L}\\d])";
    /** «3 дня назад», «неделю назад», "2 days ago" */
    private static final String AGO = NOT_AFTER_LETTER + "(?:(?<agoDays>\\d{1,3})\\s*(?:дн\\p{L}*|день|days?|dn\\p{L}*)"
            + "|(?<agoWeek>неделю|a\\s+week|nedelyu))\\s+(?:назад|ago|nazad)(?![\\p{L}\\d])";
    /** Every form in one pattern, tried left to right, so that "1 October 2026 – 5 November 2026" is two dates. */
    private static final Pattern PHRASE = Pattern.compile(String.join("|", ISO, RANGE, NUMERIC, DAY_MONTH, MONTH_DAY,
            MONTH_YEAR, RELATIVE, AGO));

    private DatePhrases() {
    }

    /** The one date a text is (an entry or an exit); a future one is reported as such. */
    static Parsed parse(String input, LocalDate today) {
        List<Found> found = find(input, today);
        return found.size() == 1 ? found.get(0).parsed() : Parsed.problem(Problem.UNREADABLE);
    }

    /**
     * Every date phrase in a text, in order. Something shaped like a date that is no date (31.02.2025) is found
     * as UNREADABLE; a day in the future as FUTURE.
     */
    static List<Found> find(String input, LocalDate today) {
        return find(input, today, Reading.PAST);
    }

    /** Every date phrase in a text, in order, read as {@code reading} says. */
    public static List<Found> find(String input, LocalDate today, Reading reading) {
        String text = input == null ? "" : input.toLowerCase(Locale.ROOT).replace('ё', 'е');
        List<Found> found = new ArrayList<>();
        Matcher m = PHRASE.matcher(text);
        while (m.find()) {
            for (Found phrase : m.group("r1") != null ? range(m, today, reading) : single(m, today, reading)) {
                found.add(reading == Reading.PAST && phrase.parsed().isOk() && phrase.parsed().date().isAfter(today)
                        ? new Found(Parsed.problem(Problem.FUTURE), phrase.relative(), phrase.yearGiven()) : phrase);
            }
        }
        return found;
    }

    /** «с 1 по 5 июля», "1–5 October 2026": two dates in one month. */
    private static List<Found> range(Matcher m, LocalDate today, Reading reading) {
        int month = month(m.group("rM"));
        if (month == 0) {
            return List.of();
        }
        Integer year = year(m, "rY", today);
        List<Found> both = new ArrayList<>();
        for (String day : List.of(m.group("r1"), m.group("r2"))) {
            try {
                both.add(new Found(Parsed.ok(date(number(day), month, year, today, reading)), false, year != null));
            } catch (DateTimeException impossible) {
                both.add(new Found(Parsed.problem(Problem.UNREADABLE), false, true));
            }
        }
        return both;
    }

    private static List<Found> single(Matcher m, LocalDate today, Reading reading) {
        Found phrase = read(m, today, reading);
        return phrase == null ? List.of() : List.of(phrase);
    }

    /** The phrase a match is; null when the word after a number is no month after all («3 марки»). */
    private static Found read(Matcher m, LocalDate today, Reading reading) {
        if (m.group("agoDays") != null || m.group("agoWeek") != null) {
            int days = m.group("agoWeek") != null ? 7 : number(m.group("agoDays"));
            return new Found(Parsed.ok(today.minusDays(days)), true, true);
        }
        if (m.group("rel") != null) {
            int back = switch (m.group("rel")) {
                case "сегодня", "today", "segodnya", "segodnia", "segodnja" -> 0;
                case "позавчера" -> 2;
                case "завтра", "tomorrow", "zavtra" -> -1;
                case "послезавтра" -> -2;
                default -> 1;
            };
            if (back < 0 && reading == Reading.PAST) {
                return null; // «завтра» is no day that has been: a count of days present never reads it
            }
            return new Found(Parsed.ok(today.minusDays(back)), true, true);
        }
        try {
            if (m.group("isoY") != null) {
                return new Found(Parsed.ok(LocalDate.of(number(m.group("isoY")), number(m.group("isoM")),
                        number(m.group("isoD")))), false, true);
            }
            if (m.group("a") != null) {
                return numeric(m, today, reading);
            }
            if (m.group("myM") != null) {
                int month = month(m.group("myM"));
                return month == 0 ? null : new Found(new Parsed(null, Problem.NO_DAY,
                        List.of(LocalDate.of(year(m.group("myY")), month, 1))), false, true);
            }
            boolean dayFirst = m.group("dmD") != null;
            int month = month(m.group(dayFirst ? "dmM" : "mdM"));
            if (month == 0) {
                return null;
            }
            Integer year = year(m, dayFirst ? "dmY" : "mdY", today);
            int day = number(m.group(dayFirst ? "dmD" : "mdD"));
            if (!dayFirst && year == null && !ENGLISH_MONTH.matcher(m.group("mdM")).matches() && day >= 14
                    && day <= today.getYear() % 100) {
                // «сентябрь 22»: in Russian the day comes first, so a number after the month is more likely its year
                return new Found(new Parsed(null, Problem.NO_DAY, List.of(LocalDate.of(2000 + day, month, 1))),
                        false, true);
            }
            return new Found(Parsed.ok(date(day, month, year, today, reading)), false, year != null);
        } catch (DateTimeException impossible) {
            return new Found(Parsed.problem(Problem.UNREADABLE), false, true);
        }
    }

    private static Found numeric(Matcher m, LocalDate today, Reading reading) {
        int a = number(m.group("a"));
        int b = number(m.group("b"));
        String yearText = m.group("numY");
        if (yearText == null && m.group("b").length() < 2) {
            return null; // "1.5 года" is a number, not the 1st of May
        }
        Integer year = year(yearText);
        if (m.group("sep").equals("/") && a <= 12 && b <= 12 && a != b) {
            // 05/06 is 5 June in Russia and 6 May in the US: ask rather than guess
            List<LocalDate> options = List.of(date(a, b, year, today, reading), date(b, a, year, today, reading));
            return new Found(new Parsed(null, Problem.AMBIGUOUS, options), false, year != null);
        }
        return new Found(Parsed.ok(date(a, b, year, today, reading)), false, year != null);
    }

    private static LocalDate date(int day, int month, Integer year, LocalDate today, Reading reading) {
        if (year != null) {
            return LocalDate.of(year, month, day);
        }
        if (reading == Reading.NEAREST) {
            LocalDate thisYear = LocalDate.of(today.getYear(), month, day);
            LocalDate other = thisYear.isBefore(today) ? thisYear.plusYears(1) : thisYear.minusYears(1);
            return Math.abs(today.toEpochDay() - other.toEpochDay()) < Math.abs(today.toEpochDay()
                    - thisYear.toEpochDay()) ? other : thisYear;
        }
        int latest = today.getYear();
        while (!MonthDay.of(month, day).isValidYear(latest) || LocalDate.of(latest, month, day).isAfter(today)) {
            latest--; // «29 февраля»: the latest such day that there was
        }
        return LocalDate.of(latest, month, day);
    }

    /** The year a phrase gives in {@code group}: in digits, or named («прошлого года»); null when none. */
    private static Integer year(Matcher m, String group, LocalDate today) {
        String named = m.group(group + "Named");
        if (named == null) {
            return year(m.group(group));
        }
        return today.getYear() - (named.startsWith("позапрошл") ? 2 : named.startsWith("прошл")
                || named.startsWith("proshl") || named.startsWith("last") ? 1 : 0);
    }

    private static Integer year(String text) {
        if (text == null) {
            return null;
        }
        int year = number(text);
        return text.length() == 2 ? 2000 + year : year;
    }

    private static int number(String digits) {
        return Integer.parseInt(digits);
    }

    private static int month(String word) {
        for (int i = 0; i < MONTHS.size(); i++) {
            if (MONTHS.get(i).matcher(word).matches()) {
                return i + 1;
            }
        }
        if (word.length() >= 6) { // shorter words are too close to other words («марки»)
            for (int i = 0; i < MONTH_NAMES.size(); i++) {
                for (String name : MONTH_NAMES.get(i)) {
                    int length = Math.max(name.length(), word.length());
                    if (Math.round((1 - SLIPS.getDistance(name, word)) * length) <= 1) {
                        return i + 1;
                    }
                }
            }
        }
        return 0;
    }
}
