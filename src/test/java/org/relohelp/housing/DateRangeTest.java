package org.relohelp.housing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The two dates of a stay as people type them, read as days near today, and each thing that can be wrong. */
class DateRangeTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    private static DateRange read(String text) {
        return DateRange.read(text, TODAY, 365);
    }

    @Test
    void datesWithoutAYearAreTheNearestSuchDays() {
        assertThat(read("05.12 – 20.12")).isEqualTo(new DateRange(TODAY, LocalDate.of(2026, 12, 20),
                DateRange.Problem.NONE));
        assertThat(read("с 28 декабря по 5 января")).isEqualTo(new DateRange(LocalDate.of(2026, 12, 28),
                LocalDate.of(2027, 1, 5), DateRange.Problem.NONE));
        assertThat(read("сегодня – 10.12").from()).isEqualTo(TODAY);
        assertThat(read("завтра - послезавтра")).isEqualTo(new DateRange(TODAY.plusDays(1), TODAY.plusDays(2),
                DateRange.Problem.NONE));
        assertThat(read("from 6 December to 10 January").to()).isEqualTo(LocalDate.of(2027, 1, 10));
        assertThat(read("2027-02-01 – 2027-02-10").from()).isEqualTo(LocalDate.of(2027, 2, 1));
    }

    @Test
    void everyBadRangeSaysWhatIsWrong() {
        assertThat(read("01.12 – 10.12").problem()).as("1 December, four days ago").isEqualTo(DateRange.Problem.PAST);
        assertThat(read("01.11.2026 – 10.11.2026").problem()).isEqualTo(DateRange.Problem.PAST);
        assertThat(read("20.12 – 10.12").problem()).isEqualTo(DateRange.Problem.ORDER);
        assertThat(read("10.12 – 10.12").problem()).isEqualTo(DateRange.Problem.ORDER);
        assertThat(read("10.12").problem()).isEqualTo(DateRange.Problem.ONE);
        assertThat(read("на следующей неделе").problem()).isEqualTo(DateRange.Problem.NOT_FOUND);
        assertThat(read("31.02 – 05.03").problem()).isEqualTo(DateRange.Problem.UNREADABLE);
        assertThat(read("05/06 – 10/06").problem()).isEqualTo(DateRange.Problem.AMBIGUOUS);
        assertThat(read("01.01.2030 – 10.01.2030").problem()).isEqualTo(DateRange.Problem.TOO_FAR);
    }
}
