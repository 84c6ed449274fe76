package org.relohelp.stay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relohelp.chat.Button;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.relohelp.knowledge.Staleness;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Stay counts worked out by hand from the fact sheet and config/knowledge/stay-rules.yml (not by running the
 * calculator): the last legal day, days used, days left, the overstay, the registration deadline and whether
 * it has passed, and what the answer says about each. Conventions: the entry day is day 1; "used" counts every
 * day present in today's window, legal or not; "left" is the days from today to the last legal day.
 */
class StayCasesTest {

    private static final List<StayRule> RULES = StayRuleFile.read(Path.of("config/knowledge/stay-rules.yml"));
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("ru"));
    private static final StayView VIEW = new StayView(texts(), mock(Staleness.class)); // staleness: only a footnote

    /*
     * Working, case by case (d = day of the stay, W = the window):
     *  1 KZ (90/180, reg. day 30 since 1 Jul 2026): 1 Oct + 89 = 29 Dec; used 1 Oct..5 Dec = 66; left 24; reg. 30 Oct.
     *  2 KZ: used 20 Nov..5 Dec = 16; 20 Nov + 89 = 17 Feb 2027, 74 days away; reg. 19 Dec, not yet.
     *  3 KZ 437 days in (issue #15): entry 25 Sep 2025 (rule of 2023, reg. unknown); day 91 = 24 Dec 2025; W full: 180.
     *  4 KZ 95 days in: entry 2 Sep 2026; day 91 = 1 Dec 2026; used 95; reg. 1 Oct passed.
     *  5 KZ trip 1 May..29 Jun (60 d) then entry 1 Nov: W on 10 Nov = 15 May..10 Nov: 46 + 10 = 56. While the trip
     *    leaves W a day goes in and one out (56 stays); from 26 Dec the trip is out and 56 grows: d90 = 29 Jan 2027.
     *  6 KZ trip 1 Sep..30 Oct (60 d), entry 20 Nov: the trip stays in W until 27 Feb 2027, so 60 + 30 = 90 on 19 Dec.
     *  7 as 6 on 22 Dec: 60 + 33 = 93 used, over the limit since 20 Dec; reg. 19 Dec passed.
     *  8 KZ 1 Dec 2022 (per entry until 25 Jan 2023 = d56, then 90/180 counting December): d90 = 28 Feb 2023.
     *  9 KZ before 2023, visa run: the per-entry count restarts at 1 Oct: d90 = 29 Dec 2022; used 5.
     * 10 KZ visa run 25 Dec 2022 after 89 days (27 Sep..24 Dec): legal per entry until 25 Jan; on 26 Jan W (from
     *    31 Jul) holds 89 + 33 = 122 > 90.
     * 11 as 10 on 1 Feb 2023: W from 6 Aug 2022 holds 89 + 39 = 128.
     * 12 KZ 1 Jan 2024, a window exactly full on 30 Mar: 90, 0 left, still legal.
     * 13 KZ leap year: 1 Feb 2024 + 89 = 30 Apr.
     * 14 KZ exit and re-entry on 10 May 2024 after 1 Apr: 40 days once; 40 + 50 = 90 on 29 Jun.
     * 15 KZ entry 25 Jun 2026 (rule of 2023: reg. unknown), across 1 Jul 2026: 25 Jun + 89 = 22 Sep.
     * 16 KZ entry 1 Jul 2026, today is day 30 = the deadline: not passed.  17: the day after: passed.
     * 18 KZ since 25 Sep 2022 (mobilisation), still there: over since d91 = 24 Dec 2022 (per entry).
     * 19-22 UZ (limit unverified): reg. day 15 since 4 Jun 2022, day 3 before; nothing computed.
     * 23-25 TJ (limit unverified): 10 working days, the entry day counted if Mon-Fri; 1 Oct 2026 is a Thursday.
     * 26 KG 90/180: 1 Jan 2025, d91 = 1 Apr; used 105 on 15 Apr.  27: 1 Oct 2024 + 89 = 29 Dec.
     * 28-29 KG before 5 Sep 2024 (limit unverified): reg. day 30.
     * 30 KG trip 1 Jun..15 Jul 2025 (45 d) in W until 28 Nov; entry 1 Oct: 45 + 45 = 90 on 14 Nov; used 55.
     * 31 GE 365 per entry after a year-long trip: 1 Mar 2024 + 364 = 28 Feb 2025.  32-33: 364 d later, and over.
     * 34 AM 180/365, reg. day 30: 1 Oct + 179 = 29 Mar 2027.
     * 35 AM trip 10 Jan..9 Apr 2026 (90 d), entry 1 Nov: on 9 Jan 2027 W holds 90 + 70 = 160; then the trip leaves
     *    W a day at a time while the stay adds one (160 stays) until 9 Apr 2027; 160 + 20 = 180 on 29 Apr 2027.
     * 36 AM trip 1 Jun..29 Aug 2026 (90 d) in W until 31 May 2027: 90 + 90 = 180 on 29 Jan 2027; used 95.
     * 37 AM continuous from 1 May 2026: d180 = 27 Oct; over since 28 Oct; used 219; reg. 30 May passed.
     */
    @ParameterizedTest(name = "{index}: {0} entry {1} trips [{2}] today {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            KZ | 2026-10-01 | -                                   | 2026-12-05 | 2026-12-29 |  66 |  24 | -          | 2026-10-30 passed
            KZ | 2026-11-20 | -                                   | 2026-12-05 | 2027-02-17 |  16 |  74 | -          | 2026-12-19
            KZ | 2025-09-25 | -                                   | 2026-12-05 | 2025-12-23 | 180 |   0 | 2025-12-24 | unknown
            KZ | 2026-09-02 | -                                   | 2026-12-05 | 2026-11-30 |  95 |   0 | 2026-12-01 | 2026-10-01 passed
            KZ | 2026-11-01 | 2026-05-01..2026-06-29              | 2026-11-10 | 2027-01-29 |  56 |  80 | -          | 2026-11-30
            KZ | 2026-11-20 | 2026-09-01..2026-10-30              | 2026-11-25 | 2026-12-19 |  66 |  24 | -          | 2026-12-19
            KZ | 2026-11-20 | 2026-09-01..2026-10-30              | 2026-12-22 | 2026-12-19 |  93 |   0 | 2026-12-20 | 2026-12-19 passed
            KZ | 2022-12-01 | -                                   | 2023-01-10 | 2023-02-28 |  41 |  49 | -          | unknown
            KZ | 2022-10-01 | 2022-07-01..2022-09-30              | 2022-10-05 | 2022-12-29 |   5 |  85 | -          | unknown
            KZ | 2022-12-25 | 2022-09-27..2022-12-24              | 2023-01-20 | 2023-01-25 |  27 |   5 | -          | unknown
            KZ | 2022-12-25 | 2022-09-27..2022-12-24              | 2023-02-01 | 2023-01-25 | 128 |   0 | 2023-01-26 | unknown
            KZ | 2024-01-01 | -                                   | 2024-03-30 | 2024-03-30 |  90 |   0 | -          | unknown
            KZ | 2024-02-01 | -                                   | 2024-02-01 | 2024-04-30 |   1 |  89 | -          | unknown
            KZ | 2024-05-10 | 2024-04-01..2024-05-10              | 2024-05-10 | 2024-06-29 |  40 |  50 | -          | unknown
            KZ | 2026-06-25 | -                                   | 2026-07-10 | 2026-09-22 |  16 |  74 | -          | unknown
            KZ | 2026-07-01 | -                                   | 2026-07-30 | 2026-09-28 |  30 |  60 | -          | 2026-07-30
            KZ | 2026-07-01 | -                                   | 2026-07-31 | 2026-09-28 |  31 |  59 | -          | 2026-07-30 passed
            KZ | 2022-09-25 | -                                   | 2026-12-05 | 2022-12-23 | 180 |   0 | 2022-12-24 | unknown
            UZ | 2026-10-01 | -                                   | 2026-12-05 | -          |   - |   - | -          | 2026-10-15 passed
            UZ | 2026-12-01 | -                                   | 2026-12-05 | -          |   - |   - | -          | 2026-12-15
            UZ | 2022-06-01 | -                                   | 2022-06-02 | -          |   - |   - | -          | 2022-06-03
            UZ | 2022-06-02 | -                                   | 2022-06-10 | -          |   - |   - | -          | 2022-06-04 passed
            TJ | 2025-06-06 | -                                   | 2025-06-06 | -          |   - |   - | -          | 2025-06-19
            TJ | 2026-10-01 | -                                   | 2026-12-05 | -          |   - |   - | -          | 2026-10-14 passed
            TJ | 2026-11-28 | -                                   | 2026-12-05 | -          |   - |   - | -          | 2026-12-11
            KG | 2025-01-01 | -                                   | 2025-04-15 | 2025-03-31 | 105 |   0 | 2025-04-01 | unknown
            KG | 2024-10-01 | -                                   | 2024-10-01 | 2024-12-29 |   1 |  89 | -          | unknown
            KG | 2024-07-01 | -                                   | 2024-07-05 | -          |   - |   - | -          | 2024-07-30
            KG | 2024-08-01 | -                                   | 2024-09-10 | -          |   - |   - | -          | 2024-08-30 passed
            KG | 2025-10-01 | 2025-06-01..2025-07-15              | 2025-10-10 | 2025-11-14 |  55 |  35 | -          | unknown
            GE | 2024-03-01 | 2023-03-01..2024-02-28              | 2024-03-02 | 2025-02-28 |   2 | 363 | -          | none
            GE | 2025-12-10 | -                                   | 2026-12-05 | 2026-12-09 | 361 |   4 | -          | none
            GE | 2025-11-01 | -                                   | 2026-12-05 | 2026-10-31 | 400 |   0 | 2026-11-01 | none
            AM | 2026-10-01 | -                                   | 2026-12-05 | 2027-03-29 |  66 | 114 | -          | 2026-10-30 passed
            AM | 2026-11-01 | 2026-01-10..2026-04-09              | 2026-11-05 | 2027-04-29 |  95 | 175 | -          | 2026-11-30
            AM | 2026-11-01 | 2026-06-01..2026-08-29              | 2026-11-05 | 2027-01-29 |  95 |  85 | -          | 2026-11-30
            AM | 2026-05-01 | -                                   | 2026-12-05 | 2026-10-27 | 219 |   0 | 2026-10-28 | 2026-05-30 passed
            """)
    void countedAsWorkedOutByHand(String country, LocalDate entry, String trips, LocalDate today, LocalDate lastLegalDay,
                                  Integer used, Integer left, LocalDate overstay, String registration) {
        Country where = Country.valueOf(country);
        StayCalculator.Result r = StayCalculator.compute(rules(where), entry, trips(trips), today);

        assertThat(r.overstaySince()).as("overstay").isEqualTo(overstay);
        assertThat(r.lastLegalDay()).as("last legal day").isEqualTo(lastLegalDay);
        assertThat(r.used()).as("days used").isEqualTo(used);
        assertThat(r.left()).as("days left").isEqualTo(left);
        String[] deadline = registration.split(" ");
        boolean passed = deadline.length > 1;
        boolean dated = deadline[0].matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(r.registrationBy()).as("registration").isEqualTo(dated ? LocalDate.parse(deadline[0]) : null);
        assertThat(r.registrationPassed()).as("registration passed").isEqualTo(passed);

        Reply answer = VIEW.render(where, r, Language.RU);
        String text = answer.html();
        if (used != null) {
            assertThat(text).contains("использовано дней — " + used + ", осталось — " + left + ".");
        } else {
            assertThat(text).doesNotContain("использовано дней", "Последний законный день");
        }
        if (overstay != null) {
            assertThat(text).contains("срок превышен с " + shown(overstay)).doesNotContain("Последний законный день");
        } else if (lastLegalDay != null) {
            assertThat(text).contains("Последний законный день: " + shown(lastLegalDay)).doesNotContain("срок превышен");
        }
        if (dated) {
            assertThat(text).contains("Регистрация: не позже <b>" + shown(LocalDate.parse(deadline[0])) + "</b>");
            assertThat(text.contains("этот срок уже прошёл")).as("registration flagged as passed").isEqualTo(passed);
        } else {
            assertThat(text).contains(deadline[0].equals("none") ? "не требуется" : "называют по-разному");
        }
        assertThat(text).as("the rules applied start at the entry").contains("\n• " + shown(entry) + " – ");
        boolean volunteer = answer.buttons().stream().flatMap(List::stream).map(Button::action)
                .anyMatch(Button.ASK_VOLUNTEER::equals);
        assertThat(volunteer).as("a volunteer offered").isEqualTo(overstay != null || passed);
    }

    private static List<StayRule> rules(Country country) {
        return RULES.stream().filter(rule -> rule.country() == country).toList();
    }

    private static List<StayCalculator.Trip> trips(String trips) {
        List<StayCalculator.Trip> list = new ArrayList<>();
        if (trips != null) {
            for (String trip : trips.split(";")) {
                String[] days = trip.split("\\.\\.");
                list.add(new StayCalculator.Trip(LocalDate.parse(days[0]), LocalDate.parse(days[1])));
            }
        }
        return list;
    }

    private static String shown(LocalDate day) {
        return SHOWN.format(day);
    }

    private static Texts texts() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new Texts(messages);
    }
}
