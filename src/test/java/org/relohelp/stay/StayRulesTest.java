package org.relohelp.stay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relohelp.chat.Country;

/** config/knowledge/stay-rules.yml is as honest as the articles: dated sources, and no source date taken for a check. */
class StayRulesTest {

    private static final List<StayRule> RULES = StayRuleFile.read(Path.of("config/knowledge/stay-rules.yml"));

    @TempDir
    Path dir;

    @Test
    void aRulesFactsAreAsOldAsItsOldestSourceAndAPersonsCheckIsNeverASourcesDate() {
        assertThat(RULES).allSatisfy(rule -> {
            assertThat(rule.sources()).allSatisfy(source -> assertThat(source.date()).isNotNull());
            assertThat(rule.oldestFact()).isEqualTo(rule.sources().stream().map(StayRule.Source::date)
                    .min(LocalDate::compareTo).orElseThrow());
            assertThat(rule.verified() == null || rule.sources().stream().noneMatch(s -> s.date()
                    .equals(rule.verified()))).as(rule.country() + " " + rule.titleEn()).isTrue();
        });
    }

    @Test
    void aSourceWithoutItsDateIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("stay-rules.yml"), """
                - country: GE
                  limit: {kind: per-entry, days: 365}
                  registration: {kind: none}
                  title-ru: "до 365 дней"
                  title-en: "up to 365 days"
                  note-ru: "…"
                  note-en: "…"
                  sources:
                    - {title: "Civil.ge", url: "https://civil.ge/"}
                """);
        assertThatThrownBy(() -> StayRuleFile.read(file)).hasMessageContaining("rule 1")
                .hasMessageContaining("has no date");
    }

    @Test
    void theArmenianRuleSaysWhatTheFactSheetSaysAndWhatItDoesNotKnow() {
        StayRule armenia = RULES.stream().filter(r -> r.country() == Country.AM).findFirst().orElseThrow();
        assertThat(armenia.limit()).isEqualTo(new StayRule.Limit(StayRule.LimitKind.ROLLING, 180, 365));
        assertThat(armenia.registration()).isEqualTo(new StayRule.Registration(StayRule.RegistrationKind.DAYS, 30));
        assertThat(armenia.titleRu()).contains("180 дней в течение года", "30-го дня");
        assertThat(armenia.noteRu()).contains("самое строгое прочтение", "ратифицировано Россией 9 марта 2015",
                "справка о законности проживания", "считает сообщество, официально это не подтверждено",
                "50 000 драмов", "50 000–100 000 драмов", "депортация");
        assertThat(armenia.noteEn()).contains("the strictest reading", "ratified by Russia on 9 March 2015",
                "certificate of legality of stay", "community's reading, not officially confirmed", "50,000 AMD",
                "50,000–100,000 AMD", "deportation");
        assertThat(armenia.oldestFact()).isEqualTo(LocalDate.of(2015, 3, 9));
    }
}
