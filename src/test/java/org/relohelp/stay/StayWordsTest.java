package org.relohelp.stay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.relohelp.chat.Country;

/** Which messages answer a /stay step and which are questions of their own. */
class StayWordsTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-05");

    private static StayWords read(String text) {
        // the real place names live in the knowledge base; here one city is enough to see it used
        return StayWords.read(text, t -> t.toLowerCase().contains("бишкек") ? Optional.of(Country.KG)
                : Optional.empty(), TODAY);
    }

    @Test
    void questionsWithoutADateAreNotAnswers() {
        assertThat(read("как получить ИИН?").notAnAnswer()).isTrue();
        assertThat(read("где снять квартиру").notAnAnswer()).isTrue();
        assertThat(read("мне нужно понять какие документы нужны для банка").notAnAnswer()).isTrue();
        assertThat(read("how do I open a bank account").notAnAnswer()).isTrue();
        assertThat(read("а если въехал 1 октября?").notAnAnswer()).isFalse();
        assertThat(read("1 октября").notAnAnswer()).isFalse();
        assertThat(read("не помню").notAnAnswer()).isFalse();
    }

    @Test
    void cancelDoneAndANewCountAreRecognised() {
        assertThat(read("Отмена").cancel()).isTrue();
        assertThat(read("стоп!").cancel()).isTrue();
        assertThat(read("cancel").cancel()).isTrue();
        assertThat(read("отменить заявку на ИИН").cancel()).isFalse();
        assertThat(read("нет").done()).isTrue();
        assertThat(read("до какого числа мне можно быть в Бишкеке").intent()).isTrue();
        assertThat(read("до какого числа мне можно быть в Бишкеке").country()).contains(Country.KG);
        assertThat(read("do kakogo chisla mozhno byt").intent()).isTrue();
    }

    @Test
    void todayAndYesterdayCountOnlyWhenTheyAreTheAnswer() {
        assertThat(read("сколько мне сегодня осталось?").goodDates()).isEmpty();
        assertThat(read("вчера").goodDates()).containsExactly(LocalDate.parse("2026-12-04"));
        assertThat(read("до какого числа можно, если въехал вчера?").goodDates())
                .containsExactly(LocalDate.parse("2026-12-04"));
    }
}
