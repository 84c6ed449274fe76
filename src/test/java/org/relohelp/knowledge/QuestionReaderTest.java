package org.relohelp.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which country a question is about, read from its words with the real places.yml and country-words.yml. */
class QuestionReaderTest {

    private static final Path KNOWLEDGE = Path.of("config/knowledge");
    private final TextAnalysis analysis = new TextAnalysis(KNOWLEDGE.resolve("synonyms.txt"));
    private final QuestionReader reader = new QuestionReader(analysis,
            new PlaceNames(KNOWLEDGE.resolve("places.yml"), analysis),
            new PlaceNames(KNOWLEDGE.resolve("country-words.yml"), analysis));

    private Optional<Destination> named(String question) {
        return reader.read(question).namedCountry();
    }

    @Test
    void theCountryTravelledToAndBackIsNotTheOneAskedAbout() {
        assertThat(named("90 дней подходят к концу. можно выехать в казахстан и сразу назад?")).isEmpty();
        assertThat(named("выехать в Грузию на день и вернуться")).isEmpty();
        assertThat(named("vizaran iz almaty v kirgiziyu")).contains(Destination.KZ);
    }

    @Test
    void inAQuestionAboutATripOutAndBackThePlaceWhereOneIsCounts() {
        assertThat(named("мы с женой в уральске уже 80 дней, говорят надо выехать и заехать обратно, это правда?"))
                .contains(Destination.KZ);
        assertThat(named("в батуми год заканчивается, визаран в турцию через сарпи норм вариант?"))
                .contains(Destination.GE);
        assertThat(named("визаран из оша куда проще в казахстан или узбекистан")).contains(Destination.KG);
    }

    @Test
    void agoIsNotBack() {
        assertThat(named("подал на внж в армении месяц назад, сколько еще ждать")).contains(Destination.AM);
    }

    @Test
    void thePlaceComparedWithIsNotTheOneAskedAbout() {
        assertThat(named("в баку снять квартиру сильно дороже чем в тбилиси?")).contains(Destination.AZ);
        assertThat(named("is renting in Osh cheaper than in Almaty?")).contains(Destination.KG);
        assertThat(named("что дешевле чем тбилиси")).contains(Destination.GE);
    }

    @Test
    void aShortNamesStubInAnOrdinaryWordNamesNoPlace() {
        // "Семей" (a Kazakh city) stems to "сем", as do "семьей" and "семь"
        assertThat(named("завтра летим в ташкент всей семьей, что сделать в первые дни")).contains(Destination.UZ);
        assertThat(named("семь дней осталось, что делать")).isEmpty();
        assertThat(named("снять квартиру в семее")).contains(Destination.KZ);
        assertThat(named("комната в оше на месяц")).contains(Destination.KG);
    }

    @Test
    void aCountrysAdjectiveTellsTheCountryWithoutNamingIt() {
        QuestionReader.Question bank = reader.read("в грузинском банке отказали в счете, где можно открыть");
        assertThat(bank.namedCountry()).isEmpty();
        assertThat(bank.hintedCountry()).contains(Destination.GE);
        assertThat(reader.read("симка теле2 казахстанская перестала работать").hintedCountry())
                .contains(Destination.KZ);
    }

    @Test
    void aGreetingIsNoPartOfTheQuestion() {
        assertThat(reader.read("Добрый день. Сколько дней без регистрации?").words())
                .hasSize(reader.read("Сколько дней без регистрации?").words().size());
        assertThat(reader.read("Good afternoon, dear, how long may I stay?").words())
                .hasSize(reader.read("how long may I stay?").words().size());
        // "день" is a day when no "добрый" greets with it
        assertThat(reader.read("сдаёт комнату на день").words())
                .hasSize(reader.read("сдаёт комнату на неделю").words().size());
    }

    @Test
    void aCoveredCountryOnTheWayIsNotTheOneAskedAbout() {
        assertThat(named("Можно ли въехать в Таджикистан по внутреннему паспорту? Едем на машине через Узбекистан"))
                .contains(Destination.TJ);
        assertThat(named("едем через казахстан или узбекистан, что нужно на границе")).isEmpty();
        // an uncovered destination still gets its short article
        assertThat(named("через стамбул транзитом безопасно лететь?")).contains(Destination.TR);
    }

    @Test
    void theCountryEnteredIsWhereOneIsEvenInARoundTrip() {
        assertThat(named("Мы въехали в Армению по внутренним паспортам. Если выедем, пустят ли нас обратно?"))
                .contains(Destination.AM);
        assertThat(named("a esli ja uezzhayu na 1 den v Kyrgyzstan i vozvrashchajus, nado zanovo registraciju?"))
                .isEmpty();
    }

    @Test
    void colloquialKazakhstan() {
        assertThat(named("чё будет если просрочить в казахе на пару дней?")).contains(Destination.KZ);
    }

    @Test
    void whereOneComesFromIsNotAsked() {
        assertThat(named("А в Узбекистане сколько дней можно без регистрации? Думаю переехать туда из Алматы"))
                .contains(Destination.UZ);
        assertThat(named("как выехать из казахстана")).contains(Destination.KZ);
    }

    @Test
    void theCountryAcrossTheBorderIsNotWhereOneIs() {
        assertThat(named("съездил на границу с арменией и обратно, счётчик дней обнулился?")).isEmpty();
    }
}
