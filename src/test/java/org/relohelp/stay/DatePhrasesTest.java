package org.relohelp.stay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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

    /** Years as people say them: «22 года», «2022г», «22-го», "22g", after the day and month. */
    @Test
    void readsTheYearWithItsWord() {
        assertThat(date("25 сентября 22 года")).isEqualTo("2022-09-25");
        assertThat(date("25 сентября 2022г")).isEqualTo("2022-09-25");
        assertThat(date("25 сентября 2022 г.")).isEqualTo("2022-09-25");
        assertThat(date("1-го октября 22-го")).isEqualTo("2022-10-01");
        assertThat(date("1 октября 22го года")).isEqualTo("2022-10-01");
        assertThat(date("25 sentyabrya 22 goda")).isEqualTo("2022-09-25");
        assertThat(date("25.09.22г")).isEqualTo("2022-09-25");
        // a number after a date without such a word is no year
        assertThat(dates("въехал 3 мая, 10 человек в квартире")).containsExactly(LocalDate.parse("2026-05-03"));
        assertThat(dates("с 3 марта 25 дней")).containsExactly(LocalDate.parse("2026-03-03"));
    }

    /**
     * A month and a year without a day («в конце сентября 22го», "September 2022") is a question for the day, never a
     * day of this year: «сентября 22го» was read as 22 September of this year, four years off.
     */
    @Test
    void aMonthAndAYearWithoutADayAskForTheDay() {
        for (String text : List.of("в конце сентября 22го", "в сентябре 2022", "в сентябре 22-го года",
                "September 2022", "sentyabr 22 goda", "в сентябре 2022г.")) {
            DatePhrases.Parsed parsed = DatePhrases.parse(text, TODAY);
            assertThat(parsed.problem()).as(text).isEqualTo(DatePhrases.Problem.NO_DAY);
            assertThat(parsed.options()).as(text).containsExactly(LocalDate.parse("2022-09-01"));
        }
        assertThat(date("September 25, 2022")).isEqualTo("2022-09-25");
        assertThat(date("September 25")).isEqualTo("2026-09-25");
    }

    /**
     * Found by questions a helper wrote blind (/tmp/blind-dates.tsv, 50 answers to "when did you enter?"): three were
     * read as this year's day — «3 октября в 23-м», «сентябрь 22», «20 ноября прошлого года» — and others not at all.
     */
    @Test
    void readsWhatABlindSetOfAnswersFoundMissing() {
        assertThat(date("3 октября в 23-м")).isEqualTo("2023-10-03");
        assertThat(date("20 ноября прошлого года")).isEqualTo("2025-11-20");
        assertThat(date("11 июля этого года")).isEqualTo("2026-07-11");
        assertThat(date("21 сентября 22")).as("two digits ending the text").isEqualTo("2022-09-21");
        assertThat(date("3 дня назад")).isEqualTo("2026-11-20");
        assertThat(date("неделю назад")).isEqualTo("2026-11-16");
        assertThat(date("29 февраля")).isEqualTo("2024-02-29");
        assertThat(date("30 сенятбря 2022")).as("two letters swapped").isEqualTo("2022-09-30");
        assertThat(date("21 сентебря 2022")).isEqualTo("2022-09-21");
        assertThat(date("6 октбря 2022")).isEqualTo("2022-10-06");
        assertThat(DatePhrases.parse("сентябрь 22", TODAY).problem()).as("its year, more likely than its day")
                .isEqualTo(DatePhrases.Problem.NO_DAY);
        assertThat(date("September 22")).as("in English the day follows the month").isEqualTo("2026-09-22");
        assertThat(DatePhrases.find("3 марки", TODAY)).as("a short word is no slip of a month").isEmpty();
        assertThat(dates("въехал 3 мая в 10")).as("«в 10» is no year").containsExactly(LocalDate.parse("2026-05-03"));
    }

    /**
     * A wrong day is worse than a question: the count then says a person may stay when they may not. Of the blind
     * set, every answer is read as the day it means or asked about: 38 of the 41 that give a day are read (the others
     * spell the date out in words, or write 12/10/2022, asked about as 12 October or 10 December), and the 9 that
     * give none are asked about.
     */
    @Test
    void noAnswerWrittenBlindIsReadAsAnotherDay() throws Exception {
        LocalDate today = LocalDate.parse("2026-12-06");
        int read = 0;
        for (String line : Files.readAllLines(Path.of("src/test/resources/stay/entry-dates-blind.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            List<LocalDate> days = DatePhrases.find(cells[0], today).stream().filter(f -> f.parsed().isOk())
                    .map(f -> f.parsed().date()).distinct().toList();
            if (cells[1].equals("ASK")) {
                assertThat(days).as(cells[0]).isEmpty();
            } else if (days.size() == 1) {
                assertThat(days.get(0)).as(cells[0]).isEqualTo(cells[1]);
                read++;
            }
        }
        assertThat(read).as("answers read as their day").isGreaterThanOrEqualTo(38);
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

    private static List<LocalDate> dates(String text) {
        List<DatePhrases.Found> found = DatePhrases.find(text, TODAY);
        assertThat(found).as(text).allMatch(f -> f.parsed().isOk());
        return found.stream().map(f -> f.parsed().date()).toList();
    }

    @Test
    void findsTheDateInsideASentence() {
        assertThat(dates("до какого числа мне можно быть в казахстане если въехал 1 октября"))
                .containsExactly(LocalDate.parse("2026-10-01"));
        assertThat(dates("I entered on 1 October")).containsExactly(LocalDate.parse("2026-10-01"));
        assertThat(dates("I entered on the 1st of October 2025")).containsExactly(LocalDate.parse("2025-10-01"));
        assertThat(dates("arrived October 3rd, 2025")).containsExactly(LocalDate.parse("2025-10-03"));
        assertThat(dates("v almaty s 3 sentyabrya")).containsExactly(LocalDate.parse("2026-09-03"));
        assertThat(dates("приехал 1-го ноября")).containsExactly(LocalDate.parse("2026-11-01"));
        assertThat(dates("въехала 2025-12-24, в Бишкек")).containsExactly(LocalDate.parse("2025-12-24"));
    }

    @Test
    void readsRussianMonthsTypedInLatinLetters() {
        String[] months = {"yanvarya", "fevralya", "marta", "aprelya", "maya", "iyunya", "iyulya", "avgusta",
                "sentyabrya", "oktyabrya", "noyabrya", "dekabrya"};
        for (int i = 0; i < months.length; i++) {
            assertThat(date("2 " + months[i] + " 2025")).as(months[i]).isEqualTo(LocalDate.of(2025, i + 1, 2));
        }
    }

    @Test
    void aTripIsTwoDatesInAnyFormTheEntryDateAccepts() {
        assertThat(dates("2026-07-01 – 2026-08-29"))
                .containsExactly(LocalDate.parse("2026-07-01"), LocalDate.parse("2026-08-29"));
        assertThat(dates("с 01.07.2026 по 29.08.2026"))
                .containsExactly(LocalDate.parse("2026-07-01"), LocalDate.parse("2026-08-29"));
        assertThat(dates("01.07.2026-29.08.2026"))
                .containsExactly(LocalDate.parse("2026-07-01"), LocalDate.parse("2026-08-29"));
        // the "to" inside "October" is no separator
        assertThat(dates("1 October 2026 – 5 November 2026"))
                .containsExactly(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-11-05"));
        assertThat(dates("from 1 October 2026 to 5 November 2026"))
                .containsExactly(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-11-05"));
        assertThat(dates("с 1 по 29 августа")).containsExactly(LocalDate.parse("2026-08-01"), LocalDate.parse("2026-08-29"));
        assertThat(dates("1–5 October 2025")).containsExactly(LocalDate.parse("2025-10-01"), LocalDate.parse("2025-10-05"));
        assertThat(dates("с 3 марта по вчера")).containsExactly(LocalDate.parse("2026-03-03"), LocalDate.parse("2026-11-22"));
    }

    @Test
    void numbersThatAreNoDatesAreLeftAlone() {
        assertThat(DatePhrases.find("90 дней в любые 180, правило 90/180", TODAY)).isEmpty();
        assertThat(DatePhrases.find("через 1.5 года", TODAY)).isEmpty();
        assertThat(DatePhrases.find("3 марки и 2 машины", TODAY)).isEmpty();
        assertThat(DatePhrases.find("сколько стоит квартира в Алматы?", TODAY)).isEmpty();
    }

    @Test
    void relativeWordsAreMarkedAsSuch() {
        List<DatePhrases.Found> found = DatePhrases.find("сколько мне сегодня осталось", TODAY);
        assertThat(found).singleElement().satisfies(f -> assertThat(f.relative()).isTrue());
        assertThat(DatePhrases.find("25.09.2022", TODAY).get(0).relative()).isFalse();
    }

    @Test
    void daysNearTodayEitherWayForAStayToCome() {
        List<DatePhrases.Found> found = DatePhrases.find("с 28 ноября по 5 января", TODAY, DatePhrases.Reading.NEAREST);
        assertThat(found).extracting(f -> f.parsed().date()).containsExactly(LocalDate.parse("2026-11-28"),
                LocalDate.parse("2027-01-05"));
        assertThat(DatePhrases.find("20.11", TODAY, DatePhrases.Reading.NEAREST).get(0).parsed().date())
                .as("three days ago is nearer than next November").isEqualTo(LocalDate.parse("2026-11-20"));
        assertThat(DatePhrases.find("завтра", TODAY, DatePhrases.Reading.NEAREST).get(0).parsed().date())
                .isEqualTo(TODAY.plusDays(1));
        // a count of days present still reads no "tomorrow", and a later day is still FUTURE
        assertThat(DatePhrases.find("завтра уезжаю", TODAY)).isEmpty();
        assertThat(DatePhrases.find("05.01", TODAY).get(0).parsed().date()).isEqualTo(LocalDate.parse("2026-01-05"));
    }
}
