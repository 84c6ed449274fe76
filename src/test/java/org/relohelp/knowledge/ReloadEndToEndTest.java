package org.relohelp.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.relohelp.EndToEndTest;
import org.relohelp.emulator.EmulatedUser;

/** /reload re-reads the knowledge folder for admins and reports what changed; to anyone else it is unknown. */
class ReloadEndToEndTest extends EndToEndTest {

    @Test
    void anAdminReloadsAndSeesTheReport() {
        assertThat(ask(ADMIN, "/reload").text())
                .matches("(?s)База знаний перечитана: добавлено 0, изменено 0, без изменений \\d+, снято 0, с ошибками 0\\.\nПравила пребывания перечитаны: \\d+\\.");
        assertThat(ask(newUser("ru"), "как получить иин в казахстане").text()).contains("ИИН");
    }

    @Test
    void anyoneElseGetsUnknownCommand() {
        EmulatedUser user = newUser("ru");
        assertThat(ask(user, "/reload").text()).startsWith("Не знаю такой команды");
    }
}
