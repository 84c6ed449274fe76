package org.relohelp.housing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.relohelp.chat.Country;

/** Prices, people and kinds of place as hosts and guests type them. */
class TypedTest {

    @Test
    void pricesAreReadWithTheirPeriodAndCurrency() {
        assertThat(Typed.price("5 000 тенге за ночь", Country.KZ))
                .isEqualTo(new Typed.Price(5000, Terms.Per.NIGHT, "KZT", Typed.Price.Problem.NONE));
        assertThat(Typed.price("150 USD в месяц", Country.GE))
                .isEqualTo(new Typed.Price(150, Terms.Per.MONTH, "USD", Typed.Price.Problem.NONE));
        assertThat(Typed.price("80 лари/сутки", Country.GE).currency()).isEqualTo("GEL");
        assertThat(Typed.price("300 сомони", Country.TJ).currency()).isEqualTo("TJS");
        assertThat(Typed.price("1500 сом", Country.KG).currency()).isEqualTo("KGS");
        assertThat(Typed.price("сумма 5000", Country.KZ).currency()).as("«сумма» is no sum").isEqualTo("KZT");
        assertThat(Typed.price("20000", Country.AM).currency()).as("the country's own").isEqualTo("AMD");
        assertThat(Typed.price("бесплатно", Country.KZ)).isEqualTo(Typed.Price.free());
        assertThat(Typed.price("0", Country.KZ)).isEqualTo(Typed.Price.free());
    }

    @Test
    void aPriceThatIsNotANumberIsSaidToBeOne() {
        assertThat(Typed.price("дорого", Country.KZ).problem()).isEqualTo(Typed.Price.Problem.NOT_A_NUMBER);
        assertThat(Typed.price("пять тысяч", Country.KZ).problem()).isEqualTo(Typed.Price.Problem.NOT_A_NUMBER);
        assertThat(Typed.price("99999999999", Country.KZ).problem()).isEqualTo(Typed.Price.Problem.TOO_BIG);
    }

    @Test
    void peopleAndKinds() {
        assertThat(Typed.people("нас двое")).contains(2);
        assertThat(Typed.people("3 человека")).contains(3);
        assertThat(Typed.people("0")).contains(0);
        assertThat(Typed.people("-2")).contains(-2);
        assertThat(Typed.people("много")).isEmpty();
        assertThat(Typed.kind("отдельная комната")).contains(Terms.Kind.ROOM);
        assertThat(Typed.kind("Квартира целиком")).contains(Terms.Kind.FLAT);
        assertThat(Typed.kind("койка в хостеле")).contains(Terms.Kind.BED);
        assertThat(Typed.kind("что-нибудь")).isEmpty();
        assertThat(Typed.question("а сколько обычно берут?")).isTrue();
        assertThat(Typed.question("Алматы")).isFalse();
    }
}
