package org.relohelp.stay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relohelp.chat.Country;

/** The shipped rules, counted: rolling windows, rule changes, leap years, same-day exits, unknown limits. */
class StayCalculatorTest {

    private static final List<StayRule> ALL = StayRuleFile.read(Path.of("config/knowledge/stay-rules.yml"));

    private static List<StayRule> rules(Country country) {
        return ALL.stream().filter(r -> r.country() == country).toList();
    }

    private static StayCalculator.Trip trip(String entry, String exit) {
        return new StayCalculator.Trip(LocalDate.parse(entry), LocalDate.parse(exit));
    }

    @Test
    void kazakhstanCountsNinetyDaysInAnyHundredEightyAcrossSeveralTrips() {
        var result = StayCalculator.compute(rules(Country.KZ), LocalDate.parse("2025-03-01"),
                List.of(trip("2024-10-01", "2024-10-30"), trip("2024-12-01", "2024-12-20")),
                LocalDate.parse("2025-03-10"));
        // window ending 10 Mar 2025 starts 12 Sep 2024: 30 + 20 + 10 days
        assertThat(result.used()).isEqualTo(60);
        // October days leave the window from 30 Mar (1 Oct + 179 = 29 Mar) while stay days come in: 79 until
        // 28 Apr, when October is out; then 79 grows to 90 on 9 May, with December still in the window
        assertThat(result.lastLegalDay()).isEqualTo(LocalDate.parse("2025-05-09"));
        assertThat(result.left()).as("days from today to the last legal day").isEqualTo(60);
        assertThat(result.overstaySince()).isNull();
    }

    @Test
    void aWindowExactlyFullIsStillLegalAndTheNextDayIsNot() {
        var result = StayCalculator.compute(rules(Country.KZ), LocalDate.parse("2024-01-01"), List.of(),
                LocalDate.parse("2024-03-30"));
        assertThat(result.used()).isEqualTo(90);
        assertThat(result.left()).isZero();
        assertThat(result.lastLegalDay()).isEqualTo(LocalDate.parse("2024-03-30"));
    }

    @Test
    void leapYearsCountTheTwentyNinthOfFebruary() {
        var leap = StayCalculator.compute(rules(Country.KZ), LocalDate.parse("2024-02-01"), List.of(),
                LocalDate.parse("2024-02-01"));
        assertThat(leap.lastLegalDay()).isEqualTo(LocalDate.parse("2024-04-30"));
        var common = StayCalculator.compute(rules(Country.KZ), LocalDate.parse("2025-02-01"), List.of(),
                LocalDate.parse("2025-02-01"));
        assertThat(common.lastLegalDay()).isEqualTo(LocalDate.parse("2025-05-01"));
    }

    @Test
    void anExitAndReEntryOnTheSameDayCountsThatDayOnce() {
        var result = StayCalculator.compute(rules(Country.KZ), LocalDate.parse("2024-05-10"),
                List.of(trip("2024-04-01", "2024-05-10")), LocalDate.parse("2024-05-10"));
        assertThat(result.used()).isEqualTo(40);
    }

    @Test
    void aStayAcrossTheJanuary2023ChangeIsCountedByTheRuleOfEachDay() {
        var result = StayCalculator.compute(rules(Country.KZ), LocalDate.parse("2022-12-01"), List.of(),
                LocalDate.parse("2023-01-10"));
        // per entry until 25 Jan 2023 (day 56), then 90 in 180 counting December too: day 90 is 28 Feb
        assertThat(result.lastLegalDay()).isEqualTo(LocalDate.parse("2023-02-28"));
        assertThat(result.periods()).hasSize(2);
        assertThat(result.periods().get(0).to()).isEqualTo(LocalDate.parse("2023-01-25"));
        assertThat(result.periods().get(1).from()).isEqualTo(LocalDate.parse("2023-01-26"));
        assertThat(result.todayRule().limit().kind()).isEqualTo(StayRule.LimitKind.PER_ENTRY);
        assertThat(result.used()).isEqualTo(41);
    }

    @Test
    void beforeTheChangeAVisaRunRestartedTheCount() {
        var result = StayCalculator.compute(rules(Country.KZ), LocalDate.parse("2022-10-01"),
                List.of(trip("2022-07-01", "2022-09-30")), LocalDate.parse("2022-10-05"));
        assertThat(result.used()).isEqualTo(5);
        assertThat(result.lastLegalDay()).isEqualTo(LocalDate.parse("2022-12-29"));
    }

    @Test
    void anOverstayIsReportedFromItsFirstDay() {
        var result = StayCalculator.compute(rules(Country.KG), LocalDate.parse("2025-01-01"), List.of(),
                LocalDate.parse("2025-04-15"));
        assertThat(result.overstaySince()).isEqualTo(LocalDate.parse("2025-04-01"));
        // every day spent counts, also those over the limit: 1 Jan to 15 Apr
        assertThat(result.used()).isEqualTo(105);
        assertThat(result.left()).isZero();
    }

    @Test
    void georgiaRestartsTheYearWithEachEntry() {
        var result = StayCalculator.compute(rules(Country.GE), LocalDate.parse("2024-03-01"),
                List.of(trip("2023-03-01", "2024-02-28")), LocalDate.parse("2024-03-02"));
        assertThat(result.lastLegalDay()).isEqualTo(LocalDate.parse("2025-02-28"));
        assertThat(result.registrationBy()).isNull();
    }

    @Test
    void unverifiedLimitsAreNotComputedButRegistrationIs() {
        var uz = StayCalculator.compute(rules(Country.UZ), LocalDate.parse("2025-06-02"), List.of(),
                LocalDate.parse("2025-06-03"));
        assertThat(uz.lastLegalDay()).isNull();
        assertThat(uz.unknownFrom()).isEqualTo(LocalDate.parse("2025-06-02"));
        assertThat(uz.registrationBy()).isEqualTo(LocalDate.parse("2025-06-16"));
        var tj = StayCalculator.compute(rules(Country.TJ), LocalDate.parse("2025-06-06"), List.of(),
                LocalDate.parse("2025-06-06"));
        // Friday 6 June counts as working day 1; ten working days end on Thursday 19 June
        assertThat(tj.registrationBy()).isEqualTo(LocalDate.parse("2025-06-19"));
        assertThat(tj.lastLegalDay()).isNull();
    }

    @Test
    void kyrgyzstanSwitchedFromUnknownToNinetyInOneEighty() {
        var before = StayCalculator.compute(rules(Country.KG), LocalDate.parse("2024-07-01"), List.of(),
                LocalDate.parse("2024-07-05"));
        assertThat(before.unknownFrom()).isEqualTo(LocalDate.parse("2024-07-01"));
        assertThat(before.registrationBy()).isEqualTo(LocalDate.parse("2024-07-30"));
        var after = StayCalculator.compute(rules(Country.KG), LocalDate.parse("2024-10-01"), List.of(),
                LocalDate.parse("2024-10-01"));
        assertThat(after.lastLegalDay()).isEqualTo(LocalDate.parse("2024-12-29"));
    }

    @Test
    void calendarYearLimitsCountFromTheFirstOfJanuary() {
        StayRule rule = new StayRule(Country.OTHER, null, null,
                new StayRule.Limit(StayRule.LimitKind.CALENDAR_YEAR, 90, 0),
                new StayRule.Registration(StayRule.RegistrationKind.NONE, 0), "t", "t", "n", "n", List.of(),
                LocalDate.parse("2025-01-06"));
        var result = StayCalculator.compute(List.of(rule), LocalDate.parse("2025-12-01"),
                List.of(trip("2025-01-10", "2025-03-20")), LocalDate.parse("2025-12-05"));
        assertThat(result.used()).isEqualTo(70 + 5);
        // 70 days in spring + 20 in December reach 90 on 20 December, before the count restarts in January
        assertThat(result.lastLegalDay()).isEqualTo(LocalDate.parse("2025-12-20"));
    }

    @Test
    void theRulesAppliedStartAtTheEntryAlsoWhenTheLimitIsUnknown() {
        var uz = StayCalculator.compute(rules(Country.UZ), LocalDate.parse("2026-10-01"), List.of(),
                LocalDate.parse("2026-12-05"));
        assertThat(uz.periods()).singleElement().satisfies(p -> {
            assertThat(p.from()).isEqualTo(LocalDate.parse("2026-10-01"));
            assertThat(p.to()).isEqualTo(LocalDate.parse("2026-12-05"));
        });
        var kg = StayCalculator.compute(rules(Country.KG), LocalDate.parse("2024-08-01"), List.of(),
                LocalDate.parse("2024-09-10"));
        assertThat(kg.periods()).extracting(StayCalculator.Period::from)
                .containsExactly(LocalDate.parse("2024-08-01"), LocalDate.parse("2024-09-05"));
    }

    @Test
    void daysUsedCountEveryDaySpentAlsoAfterTheLimit() {
        // 437 days in Kazakhstan: the window of 180 days is full, not empty
        var result = StayCalculator.compute(rules(Country.KZ), LocalDate.parse("2025-09-25"), List.of(),
                LocalDate.parse("2026-12-05"));
        assertThat(result.used()).isEqualTo(180);
        assertThat(result.left()).isZero();
        assertThat(result.overstaySince()).isEqualTo(LocalDate.parse("2025-12-24"));
    }
}
