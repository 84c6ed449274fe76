package org.relohelp.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The first reply chosen from the candidates a search found. */
class AnswerPickerTest {

    private final AnswerPicker picker = new AnswerPicker(Double.parseDouble(KnowledgeProperties.DEFAULT_MIN_COVERAGE),
            Double.parseDouble(KnowledgeProperties.DEFAULT_MIN_LEAD));

    @Test
    void aCountrysOwnArticleWinsOverAGeneralOnesSectionThatNamesTheCountryAmongOthers() throws Exception {
        Article general = article("sim", "all", "phone");
        Article own = article("am-sim", "AM", "phone");
        Article other = article("am-stay", "AM", "stay");
        List<SearchIndex.Hit> hits = List.of(
                new SearchIndex.Hit(general, "other", Set.of(Destination.AM, Destination.GE, Destination.TJ), "phone",
                        34.2, 0.5),
                new SearchIndex.Hit(own, "get", Set.of(Destination.AM), "phone", 32.0, 0.33),
                new SearchIndex.Hit(other, "get", Set.of(Destination.AM), "stay", 11.1, 0.33));
        SearchIndex.Result result = new SearchIndex.Result(hits, List.of(),
                new SearchIndex.Where(Optional.of(Destination.AM), SearchIndex.How.PROFILE), 6,
                new TopicWords.Told(Map.of("phone", 3), Set.of("phone")));

        assertThat(picker.pick(result)).isInstanceOfSatisfying(AnswerPicker.Answer.class,
                answer -> assertThat(answer.hit().article().id()).isEqualTo("am-sim"));
    }

    @Test
    void aDecisiveWordWinsOverOrdinaryWordsOfAnotherTopicWhenItsCandidateIsClose() throws Exception {
        // "валютный контроль: можно переводить деньги со своего счёта…": "валютный" decides russian-tax, "переводить",
        // "деньги", "счёт" are ordinary money words
        Article money = article("money-from-russia", "all", "money");
        Article tax = article("russian-tax", "all", "russian-tax");
        List<SearchIndex.Hit> hits = List.of(
                new SearchIndex.Hit(money, "limits", Set.of(), "money", 36.6, 0.56),
                new SearchIndex.Hit(tax, "currency-resident", Set.of(), "russian-tax", 26.5, 0.44));
        SearchIndex.Result result = new SearchIndex.Result(hits, List.of(), SearchIndex.Where.NOWHERE, 9,
                new TopicWords.Told(Map.of("money", 3, "russian-tax", 3), Set.of("russian-tax")));

        assertThat(picker.pick(result)).as("not answered with the money article").isNotInstanceOf(
                AnswerPicker.Answer.class);
    }

    @Test
    void aQuestionThatSpeaksOfTheAnswersTopicNeedsASmallerLeadThanOneThatSpeaksOfNoTopic() throws Exception {
        Article residence = article("kz-residence", "KZ", "residence");
        Article work = article("kz-work", "KZ", "work");
        SearchIndex.Where kz = new SearchIndex.Where(Optional.of(Destination.KZ), SearchIndex.How.PROFILE);

        // "как получить вид на жительство через работу": both topics spoken of, a lead of 15 % is enough
        List<SearchIndex.Hit> close = List.of(
                new SearchIndex.Hit(residence, "via-work", Set.of(Destination.KZ), "residence", 11.5, 1.0),
                new SearchIndex.Hit(work, "permit", Set.of(Destination.KZ), "work", 10.0, 1.0));
        assertThat(picker.pick(new SearchIndex.Result(close, List.of(), kz, 4,
                new TopicWords.Told(Map.of("residence", 1, "work", 1), Set.of()))))
                .isInstanceOf(AnswerPicker.Answer.class);

        // "документы": the words say no topic, so even a lead of 40 % is a guess
        List<SearchIndex.Hit> apart = List.of(
                new SearchIndex.Hit(residence, "documents", Set.of(Destination.KZ), "residence", 14.0, 1.0),
                new SearchIndex.Hit(work, "documents", Set.of(Destination.KZ), "work", 10.0, 1.0));
        assertThat(picker.pick(new SearchIndex.Result(apart, List.of(), kz, 1, TopicWords.Told.NOTHING)))
                .isInstanceOf(AnswerPicker.Choose.class);
    }

    @Test
    void whenTheWordsLeaveTwoCandidatesCloseWhatQuestionsLikeItWereAboutDecides() throws Exception {
        Article sim = article("kz-sim", "KZ", "phone");
        Article housing = article("kz-housing", "KZ", "housing");
        SearchIndex.Where kz = new SearchIndex.Where(Optional.of(Destination.KZ), SearchIndex.How.NAMED);
        List<SearchIndex.Hit> close = List.of(
                new SearchIndex.Hit(housing, "prices", Set.of(Destination.KZ), "housing", 10.2, 0.4),
                new SearchIndex.Hit(sim, "buy", Set.of(Destination.KZ), "phone", 10.0, 0.4));
        TopicWords.Told told = new TopicWords.Told(Map.of("housing", 1, "phone", 1), Set.of());

        assertThat(picker.pick(new SearchIndex.Result(close, List.of(), kz, 5, told)))
                .as("the words alone: a choice").isInstanceOf(AnswerPicker.Choose.class);
        assertThat(picker.pick(new SearchIndex.Result(close, List.of(), kz, 5, told,
                Map.of("phone", 0.9, "housing", 0.1))))
                .as("questions like it were about SIM cards").isInstanceOfSatisfying(AnswerPicker.Answer.class,
                        answer -> assertThat(answer.hit().article().id()).isEqualTo("kz-sim"));
        assertThat(picker.pick(new SearchIndex.Result(close, List.of(), kz, 5, told,
                Map.of("phone", 0.6, "housing", 0.4))))
                .as("a model not sure decides nothing").isInstanceOf(AnswerPicker.Choose.class);
    }

    @Test
    void aQuestionAboutSafetyOnTheWayIsNotAboutTheCountryItPassesThrough() throws Exception {
        Article safety = article("safety", "all", "safety");
        SearchIndex.Where turkey = new SearchIndex.Where(Optional.of(Destination.TR), SearchIndex.How.NAMED);
        List<SearchIndex.Hit> hits = List.of(new SearchIndex.Hit(safety, "transit", Set.of(), "safety", 20.0, 0.5));

        // "можно ли прилететь в москву через стамбул, если на меня есть повестка"
        assertThat(picker.pick(new SearchIndex.Result(hits, List.of(), turkey, 6,
                new TopicWords.Told(Map.of("safety", 3), Set.of("safety")))))
                .isInstanceOfSatisfying(AnswerPicker.Answer.class,
                        answer -> assertThat(answer.hit().article().id()).isEqualTo("safety"));
        // "letet' domoj cherez stambul bezopasno?": no decisive word, but questions like it were about safety
        assertThat(picker.pick(new SearchIndex.Result(hits, List.of(), turkey, 5, TopicWords.Told.NOTHING,
                Map.of("safety", 0.95)))).isInstanceOf(AnswerPicker.Answer.class);
        // "можно ли в турции открыть карту": about Turkey itself
        assertThat(picker.pick(new SearchIndex.Result(hits, List.of(), turkey, 4,
                new TopicWords.Told(Map.of("money", 1), Set.of())))).isInstanceOf(AnswerPicker.Elsewhere.class);
    }

    static Article article(String id, String countries, String topic) throws InvalidArticleException {
        String text = ArticleFileParserTest.v2("").replace("id: kz-test", "id: " + id)
                .replace("countries: [KZ]", "countries: [" + countries + "]")
                .replace("topic: id-number", "topic: " + topic);
        return new ArticleFileParser().parse("x/" + id + ".ru.md", text);
    }
}
