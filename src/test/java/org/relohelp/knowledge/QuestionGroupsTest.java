package org.relohelp.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionGroupsTest {

    private final QuestionGroups groups = new QuestionGroups(new TextAnalysis(Path.of("config/knowledge/synonyms.txt")));

    @Test
    void phrasingsOfOneQuestionFormOneGroupAndOtherQuestionsTheirOwn() {
        List<QuestionGroups.Group> found = groups.group(List.of(
                new QuestionGroups.Asked("Где купить зимние шины для велосипеда?", "KZ", "ru"),
                new QuestionGroups.Asked("где купить зимние шины для велосипеда", "KZ", "ru"),
                new QuestionGroups.Asked("gde kupit zimnie shiny dlya velosipeda", null, "ru"),
                new QuestionGroups.Asked("зимние шины на велосипед где купить", "UZ", "ru"),
                new QuestionGroups.Asked("where can I buy winter tyres for a bicycle", "GE", "en"),
                new QuestionGroups.Asked("where to buy winter tyres for my bicycle", "GE", "en"),
                new QuestionGroups.Asked("можно ли провезти кошку через границу", "KZ", "ru"),
                new QuestionGroups.Asked("???", "KZ", "ru")));

        assertThat(found).hasSize(3);
        QuestionGroups.Group first = found.get(0);
        assertThat(first.count()).isEqualTo(4);
        assertThat(first.mostCommon()).isEqualTo("где купить зимние шины для велосипеда");
        assertThat(first.countries()).containsEntry("KZ", 2).containsEntry("UZ", 1).containsEntry("", 1);
        assertThat(found.get(1).count()).isEqualTo(2);
        assertThat(found.get(2).count()).isEqualTo(1);
    }

    @Test
    void stopWordsAndFillersDoNotMakeQuestionsSimilar() {
        assertThat(groups.terms("подскажите пожалуйста как мне это сделать", "ru")).containsExactly("сдела");
        assertThat(groups.terms("kak poluchit iin", "ru")).contains("получ", "иин");
    }
}
