package org.relohelp.stay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DatePhrasesTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");

    private static LocalDate date(String text) {
        DatePhrases.Parsed parsed = DatePhrases.parse(text, TODAY);
        assertThat(parsed.problem()).as(text).isEqualTo(DatePhrases.Problem.NONE);
        return parsed.date();
    }

    @Test
    void readsTheWaysPeopleWriteDates() {
        assertThat(date("25.09.2022")).isEqualTo("2022-09-25");
        assertThat(date("25.09.22")).isEqualTo("2022-09-25");
        assertThat(date("2022-09-25")).isEqualTo("2022-09-25");
        assertThat(date("25 сентября 2022")).isEqualTo("2022-09-25");
        assertThat(date("25 Сентября")).isEqualTo("2026-09-25");
        assertThat(date("3 мая")).isEqualTo("2026-05-03");
        assertThat(date("September 25, 2022")).isEqualTo("2022-09-25");
        assertThat(date("25 sep")).isEqualTo("2026-09-25");
        assertThat(date("сегодня")).isEqualTo(TODAY);
        assertThat(date("Вчера")).isEqualTo("2026-11-22");
        assertThat(date(" 1.1.2024 ")).isEqualTo("2024-01-01");
        assertThat(date("29.02.2024")).isEqualTo("2024-02-29");
    }

    @Test
    void aDateWithoutAYearIsTheLatestThatIsNotInTheFuture() {
        assertThat(date("25.12")).isEqualTo("2025-12-25");
        assertThat(date("23.11")).isEqualTo(TODAY);
    }

    @Test
    void futureAmbiguousAndImpossibleDatesAreQuestionsNotGuesses() {
        assertThat(DatePhrases.parse("25.12.2026", TODAY).problem()).isEqualTo(DatePhrases.Problem.FUTURE);
        assertThat(DatePhrases.parse("05/06/2025", TODAY).problem()).isEqualTo(DatePhrases.Problem.AMBIGUOUS);
        assertThat(DatePhrases.parse("05/06/2025", TODAY).options())
                .containsExactly(LocalDate.parse("2025-06-05"), LocalDate.parse("2025-05-06"));
        assertThat(DatePhrases.parse("31.02.2025", TODAY).problem()).isEqualTo(DatePhrases.Problem.UNREADABLE);
        assertThat(DatePhrases.parse("29.02.2025", TODAY).problem()).isEqualTo(DatePhrases.Problem.UNREADABLE);
        assertThat(DatePhrases.parse("когда-то в сентябре", TODAY).problem()).isEqualTo(DatePhrases.Problem.UNREADABLE);
    }
}
