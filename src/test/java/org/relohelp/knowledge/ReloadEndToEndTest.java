package org.relohelp.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.relohelp.EndToEndTest;
import org.relohelp.cluster.LeadershipGained;
import org.relohelp.emulator.EmulatedUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * /reload re-reads the knowledge folder (this test's own copy) for admins and reports what changed, file by file;
 * to anyone else it is unknown.
 */
class ReloadEndToEndTest extends EndToEndTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;

    private static final String ARTICLE = """
            ---
            id: kz-camper
            language: ru
            countries: [KZ]
            topic: housing
            title: "Где поставить автодом в Казахстане"
            keywords:
              - автодом
              - кемпер
              - парковка автодома
            sources:
              - title: "Тестовый источник"
                url: https://example.org/camper
                date: 2026-11-01
            verified: 2026-11-01
            ---
            %s
            """;

    @Test
    void anAdminReloadsAndSeesTheReport() {
        assertThat(ask(ADMIN, "/reload").text())
                .matches("(?s)База знаний перечитана: добавлено 0, изменено 0, без изменений \\d+, снято 0, с ошибками 0\\.\nПравила пребывания перечитаны: \\d+\\.");
        assertThat(ask(newUser("ru"), "как получить иин в казахстане").text()).contains("ИИН");
    }

    @Test
    void addedChangedInvalidAndRemovedFilesAreReportedAndTakeEffectAtOnce() throws IOException {
        Path camper = KNOWLEDGE.resolve("kz/kz-camper.ru.md");
        Path broken = KNOWLEDGE.resolve("kz/kz-broken.ru.md");
        try {
            Files.writeString(camper, ARTICLE.formatted("Кемпинги под Алматы принимают автодома на ночь."));
            assertThat(ask(ADMIN, "/reload").text()).contains("добавлено 1, изменено 0").contains("с ошибками 0");
            assertThat(ask(newUser("ru"), "где поставить автодом в алматы").text())
                    .contains("Где поставить автодом в Казахстане", "Кемпинги под Алматы");

            Files.writeString(camper, ARTICLE.formatted("Кемпинги под Алматы и Астаной принимают автодома."));
            Files.writeString(broken, "---\nid: kz-broken\nlanguage: ru\n---\nбез источников и даты\n");
            String report = ask(ADMIN, "/reload").text();
            assertThat(report).contains("добавлено 0, изменено 1", "с ошибками 1", "kz-broken.ru.md");
            assertThat(ask(newUser("ru"), "где поставить автодом в алматы").text()).contains("и Астаной");
        } finally {
            Files.deleteIfExists(camper);
            Files.deleteIfExists(broken);
        }
        assertThat(ask(ADMIN, "/reload").text()).contains("снято 1, с ошибками 0");
        assertThat(ask(newUser("ru"), "где поставить автодом в алматы").text()).doesNotContain("Кемпинги");
    }

    @Test
    void anInvalidStayRulesFileLeavesTheRulesInForce() throws IOException {
        Path rules = KNOWLEDGE.resolve("stay-rules.yml");
        String original = Files.readString(rules);
        long inForce = jdbc.sql("select count(*) from stay_rule").query(Long.class).single();
        assertThat(inForce).isPositive();
        try {
            Files.writeString(rules, original + "\n- country: KZ\n  limit: {kind: nonsense}\n");
            assertThat(ask(ADMIN, "/reload").text()).contains("Правила пребывания НЕ обновлены (действуют прежние)");
            assertThat(jdbc.sql("select count(*) from stay_rule").query(Long.class).single()).isEqualTo(inForce);
        } finally {
            Files.writeString(rules, original);
        }
        assertThat(ask(ADMIN, "/reload").text()).containsPattern("Правила пребывания перечитаны: \\d+\\.");
    }

    @Test
    void aNewLeaderAnswersFromWhatTheSharedDatabaseHolds() {
        // what another instance's /reload or an approved draft left in the shared database
        jdbc.sql("insert into article (file, article_id, language, content_hash, countries, topic, title, body, keywords, "
                        + "sources, verified, retired, updated_at) select 'elsewhere/kz-yurt.ru.md', 'kz-yurt', language, "
                        + "'elsewhere', countries, topic, 'Где поставить юрту в Казахстане', "
                        + "'Юрту можно поставить на базе отдыха.', '[\"юрта\", \"поставить юрту\"]', sources, verified, "
                        + "false, updated_at from article where article_id = 'kz-housing' and language = 'ru'").update();
        try {
            assertThat(ask(newUser("ru"), "где поставить юрту в казахстане").text()).doesNotContain("базе отдыха");

            events.publishEvent(new LeadershipGained());

            assertThat(ask(newUser("ru"), "где поставить юрту в казахстане").text()).contains("Юрту можно поставить");
        } finally {
            jdbc.sql("delete from article where file = 'elsewhere/kz-yurt.ru.md'").update();
            events.publishEvent(new LeadershipGained());
        }
        assertThat(ask(newUser("ru"), "где поставить юрту в казахстане").text()).doesNotContain("базе отдыха");
    }

    @Test
    void anyoneElseGetsUnknownCommand() {
        EmulatedUser user = newUser("ru");
        assertThat(ask(user, "/reload").text()).startsWith("Не знаю такой команды");
    }
}
