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
                new TopicWords.Told(Map.of("phone", 3)));

        assertThat(picker.pick(result)).isInstanceOfSatisfying(AnswerPicker.Answer.class,
                answer -> assertThat(answer.hit().article().id()).isEqualTo("am-sim"));
    }

    static Article article(String id, String countries, String topic) throws InvalidArticleException {
        String text = ArticleFileParserTest.v2("").replace("id: kz-test", "id: " + id)
                .replace("countries: [KZ]", "countries: [" + countries + "]")
                .replace("topic: id-number", "topic: " + topic);
        return new ArticleFileParser().parse("x/" + id + ".ru.md", text);
    }
}
