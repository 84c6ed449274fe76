package org.relohelp.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The first reply chosen from the candidates a search found. */
class AnswerPickerTest {

    private final AnswerPicker picker = new AnswerPicker(0.5, 1.25);

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

    static Article article(String id, String countries, String topic) throws InvalidArticleException {
        String text = ArticleFileParserTest.v2("").replace("id: kz-test", "id: " + id)
                .replace("countries: [KZ]", "countries: [" + countries + "]")
                .replace("topic: id-number", "topic: " + topic);
        return new ArticleFileParser().parse("x/" + id + ".ru.md", text);
    }
}
