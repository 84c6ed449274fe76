package org.relohelp.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relohelp.EndToEndTest;
import org.relohelp.chat.Language;
import org.relohelp.emulator.BotMessage;
import org.relohelp.emulator.EmulatedUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Knowledge capture end to end: a volunteer's answer in a ticket, saved with /savekb as a reply, reviewed by an
 * admin (/drafts, Edit, Approve) becomes a file in the published drafts' folder on the data volume (never in the
 * knowledge folder, a copy of config/knowledge here: {@link EndToEndTest#KNOWLEDGE}), and the next question finds it. Rejection, misuse and forged buttons
 * change nothing they should not.
 */
@ExtendWith(OutputCaptureExtension.class)
class DraftsEndToEndTest extends EndToEndTest {

    /** Where approved drafts go by default: {@code <data-dir>/knowledge-drafts}. */
    private static final Path DRAFTS = DATA.resolve("knowledge-drafts");

    private static final Pattern NUMBER = Pattern.compile("#(\\d+)");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void anAnswerSavedByAVolunteerIsEditedApprovedAndFoundByTheNextQuestion(CapturedOutput output)
            throws IOException, InvalidArticleException {
        EmulatedUser vera = volunteer();
        EmulatedUser olga = newUser("ru");
        press(olga, ask(olga, "/start"), "country:KZ");
        TELEGRAM.awaitBotMessages(olga.id(), 2, WAIT);
        BotMessage article = ask(olga, "как получить иин");
        press(olga, article, article.button("волонтёр").orElseThrow().callbackData());
        awaitMessageWith(olga.id(), "Передать волонтёрам"); // she writes another question instead
        long ticket = number(ask(olga, "Меня зовут Ольга Кошкина, как сделать ветпаспорт котёнку?").text());
        ask(vera, "/take " + ticket);
        awaitMessageWith(vera.id(), "Гость #" + ticket);
        String answer = "Ветеринарный паспорт для котёнка выдают в любой ветклинике за один день: нужны прививка "
                + "от бешенства и микрочип.";
        int answerId = TELEGRAM.sendText(vera, answer);
        awaitMessageWith(olga.id(), "микрочип");

        long draft = number(reply(vera, answerId, "/savekb").text());
        assertThat(lastMessage(vera).text()).startsWith("Сохранено как черновик #" + draft);
        assertThat(reply(vera, answerId, "/savekb").text()).isEqualTo("Этот ответ уже сохранён как черновик #" + draft + ".");
        assertThat(jdbc.sql("select count(*) from draft").query(Integer.class).single()).isEqualTo(1);
        var row = jdbc.sql("select * from draft where id = ?").param(draft).query().singleRow();
        assertThat(row).containsEntry("LANGUAGE", "ru").containsEntry("COUNTRY", "KZ").containsEntry("TOPIC", "id-number")
                .containsEntry("BODY", answer);
        assertThat(row.get("TITLE").toString()).contains("ветпаспорт котёнку");
        assertThat(row.values()).noneMatch(v -> String.valueOf(v).contains(String.valueOf(olga.id()))
                || String.valueOf(v).contains(olga.firstName()));

        BotMessage shown = ask(ADMIN, "/drafts");
        assertThat(shown.text()).contains("Черновик #" + draft, "Казахстан", "тема: id-number", "слова гостя",
                "ветпаспорт котёнку", "микрочип");
        assertThat(shown.allButtons()).extracting(BotMessage.InlineButton::callbackData)
                .containsExactly("draft:ok:" + draft, "draft:edit:" + draft, "draft:no:" + draft);
        int before = TELEGRAM.botMessages(ADMIN.id()).size();
        press(ADMIN, shown, "draft:edit:" + draft);
        assertThat(TELEGRAM.awaitBotMessages(ADMIN.id(), before + 1, WAIT).get(before).text())
                .contains("Пришлите новый текст черновика #" + draft, "первая строка — заголовок");
        assertThat(ask(ADMIN, "только заголовок").text()).startsWith("Не получилось");
        String title = "Ветеринарный паспорт для котёнка в Казахстане";
        BotMessage edited = ask(ADMIN, title + "\n" + answer + "\nЕсли клиника просит прописку, попробуйте другую.");
        assertThat(edited.text()).contains("Черновик #" + draft, title, "другую").doesNotContain("Ольга");
        assertThat(edited.button("Одобрить")).isPresent();

        before = TELEGRAM.botMessages(ADMIN.id()).size();
        assertThat(press(ADMIN, edited, "draft:ok:" + draft)).isEqualTo("Опубликовано");
        String id = "draft-" + LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + draft;
        String file = id + ".ru.md";
        TELEGRAM.awaitBotMessage(ADMIN.id(), m -> m.messageId() == edited.messageId()
                && m.text().contains("опубликован") && m.text().contains(file) && m.buttons().isEmpty(), WAIT);
        assertThat(TELEGRAM.awaitBotMessages(ADMIN.id(), before + 1, WAIT).get(before).text())
                .isEqualTo("Это был последний черновик на проверке.");
        assertThat(press(ADMIN, edited, "draft:ok:" + draft)).isEqualTo("Этот черновик уже обработан.");

        // on the data volume, beside the database: the knowledge folder may be read-only (Docker) or in the jar
        Path written = DRAFTS.resolve(file);
        Article parsed = new ArticleFileParser().parse(file, Files.readString(written, StandardCharsets.UTF_8));
        assertThat(parsed.id()).isEqualTo(id);
        assertThat(parsed.language()).isEqualTo(Language.RU);
        assertThat(parsed.countries()).isEqualTo(Set.of(Destination.KZ));
        assertThat(parsed.topic()).isEqualTo("id-number");
        assertThat(parsed.title()).isEqualTo(title);
        // a one-section article in format v2: the title is the question it answers
        assertThat(parsed.sections()).singleElement().satisfies(section -> {
            assertThat(section.title()).isEqualTo(title);
            assertThat(section.questions()).containsExactly(title);
            assertThat(section.markdown()).isEqualTo(answer + "\nЕсли клиника просит прописку, попробуйте другую.");
        });
        assertThat(parsed.keywords()).contains("ветеринарный", "паспорт", "котёнка");
        assertThat(parsed.sources()).extracting(Article.Source::title)
                .containsExactly("Ответ волонтёра, проверен администратором");
        assertThat(parsed.verified()).isEqualTo(LocalDate.now(clock));
        try (Stream<Path> drafts = Files.list(DRAFTS)) {
            assertThat(drafts.map(p -> p.getFileName().toString())).containsExactly(id + ".ru.md");
        }
        assertThat(KNOWLEDGE.resolve("drafts")).doesNotExist();
        assertThat(Path.of("config/knowledge/drafts", file)).doesNotExist();
        assertThat(jdbc.sql("select count(*) from draft").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from draft_edit").query(Integer.class).single()).isZero();

        assertThat(ask(newUser("ru"), "ветеринарный паспорт для котёнка в казахстане").text()).contains(title,
                "микрочип", "Ответ волонтёра", "сверил статью с источниками");
        assertThat(output.getAll()).doesNotContain("микрочип", "котёнк", "Кошкина");
        ask(vera, "/close");
    }

    @Test
    void aRejectedDraftIsDeletedAndForgedOrStaleButtonsChangeNothing() throws IOException {
        EmulatedUser vera = volunteer();
        EmulatedUser refugee = newUser("ru");
        assertThat(ask(refugee, "/human").text()).contains("Опишите");
        long ticket = number(ask(refugee, "Где в Душанбе купить корм для попугая?").text());
        ask(vera, "/take " + ticket);
        awaitMessageWith(vera.id(), "Гость #" + ticket);
        int answerId = TELEGRAM.sendText(vera, "Корм для попугаев продают на рынке Корвон.");
        awaitMessageWith(refugee.id(), "Корвон");
        long draft = number(reply(vera, answerId, "/savekb").text());

        BotMessage shown = ask(ADMIN, "/drafts");
        assertThat(shown.text()).contains("Черновик #" + draft, "все страны", "тема: не задана", "попугая");
        assertThat(press(ADMIN, shown, "draft:ok:" + draft)).startsWith("Сначала задайте тему");
        assertThat(press(ADMIN, shown, "draft:ok:abc")).isEqualTo("Эта кнопка больше не работает. Напишите вопрос ещё раз.");
        assertThat(press(ADMIN, shown, "draft:zap:" + draft)).startsWith("Эта кнопка больше не работает");
        assertThat(press(ADMIN, shown, "draft:ok:99999999" + draft)).isEqualTo("Этот черновик уже обработан.");
        // an admin's button pressed by anyone else is a button that does nothing, as an admin command is unknown
        assertThat(press(vera, shown, "draft:no:" + draft)).contains("больше не работает");
        assertThat(press(vera, shown, "draft:edit:" + draft)).contains("больше не работает");
        assertThat(jdbc.sql("select count(*) from draft where id = ?").param(draft).query(Integer.class).single()).isOne();
        assertThat(jdbc.sql("select count(*) from draft_edit").query(Integer.class).single()).isZero();

        press(ADMIN, shown, "draft:edit:" + draft);
        awaitMessageWith(ADMIN.id(), "Пришлите новый текст черновика #" + draft);
        assertThat(ask(ADMIN, "Корм для попугая\nНа рынке Корвон.\n#pets").text()).startsWith("Не получилось");
        BotMessage edited = ask(ADMIN, "Корм для попугая в Душанбе\nНа рынке Корвон.\n#housing");
        assertThat(edited.text()).contains("тема: housing", "Корм для попугая в Душанбе");

        // an edit begun, then the draft rejected (as by a second admin): the text that follows is not taken
        // for a question
        int before = TELEGRAM.botMessages(ADMIN.id()).size();
        press(ADMIN, edited, "draft:edit:" + draft);
        assertThat(press(ADMIN, edited, "draft:no:" + draft)).isEqualTo("Отклонено");
        TELEGRAM.awaitBotMessage(ADMIN.id(), m -> m.messageId() == edited.messageId()
                && m.text().contains("отклонён и удалён") && m.buttons().isEmpty(), WAIT);
        assertThat(TELEGRAM.awaitBotMessages(ADMIN.id(), before + 2, WAIT).subList(before, before + 2))
                .extracting(BotMessage::text).last().isEqualTo("Это был последний черновик на проверке.");
        assertThat(ask(ADMIN, "Корм\nНа рынке.").text()).isEqualTo("Этот черновик уже одобрен или отклонён; ваш текст не сохранён.");
        assertThat(press(ADMIN, edited, "draft:no:" + draft)).isEqualTo("Этот черновик уже обработан.");
        assertThat(press(ADMIN, edited, "draft:edit:" + draft)).isEqualTo("Этот черновик уже обработан.");
        assertThat(jdbc.sql("select count(*) from draft").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from draft_edit").query(Integer.class).single()).isZero();
        if (Files.isDirectory(DRAFTS)) {
            try (Stream<Path> files = Files.list(DRAFTS)) {
                assertThat(files.map(Path::toString)).noneMatch(f -> f.endsWith("-" + draft + ".ru.md"));
            }
        }
        assertThat(ask(ADMIN, "/drafts").text()).isEqualTo("Черновиков на проверке нет.");
        ask(vera, "/close");
    }

    /** A draft from an English request, written anew in Russian by the admin, is published as a Russian article. */
    @Test
    void aDraftRewrittenInTheOtherLanguageTakesThatLanguage() {
        EmulatedUser vera = volunteer();
        EmulatedUser emma = newUser("en");
        ask(emma, "/human");
        long ticket = number(ask(emma, "Where can I buy parrot food in Dushanbe?").text());
        ask(vera, "/take " + ticket);
        awaitMessageWith(vera.id(), "Гость #" + ticket);
        int answerId = TELEGRAM.sendText(vera, "Parrot food is sold at the Korvon market.");
        awaitMessageWith(emma.id(), "Korvon");
        long draft = number(reply(vera, answerId, "/savekb").text());
        BotMessage shown = ask(ADMIN, "/drafts");
        assertThat(shown.text()).contains("Черновик #" + draft, "язык: en");
        press(ADMIN, shown, "draft:edit:" + draft);
        awaitMessageWith(ADMIN.id(), "Пришлите новый текст черновика #" + draft);
        BotMessage edited = ask(ADMIN, "Корм для попугая в Душанбе\nНа рынке Корвон (Korvon).\n#housing");
        assertThat(edited.text()).contains("Черновик #" + draft, "язык: ru");
        assertThat(jdbc.sql("select language from draft where id = ?").param(draft).query(String.class).single())
                .isEqualTo("ru");
        assertThat(press(ADMIN, edited, "draft:no:" + draft)).isEqualTo("Отклонено");
        awaitIdle(); // the shared admin's chat has nothing more on its way for the next test
        ask(vera, "/close");
    }

    /**
     * "отмена" typed where the draft's new text is expected ends the edit, as /cancel does: it got "Не получилось:
     * нужен заголовок…" and the edit went on waiting. The draft stays as it was.
     */
    @Test
    void aCancelWordTypedInsteadOfTheNewTextEndsTheEdit() {
        EmulatedUser vera = volunteer();
        EmulatedUser refugee = newUser("ru");
        ask(refugee, "/human");
        long ticket = number(ask(refugee, "Где в Худжанде починить велосипед?").text());
        ask(vera, "/take " + ticket);
        awaitMessageWith(vera.id(), "Гость #" + ticket);
        int answerId = TELEGRAM.sendText(vera, "Велосипеды чинят на рынке Панчшанбе.");
        awaitMessageWith(refugee.id(), "Панчшанбе");
        long draft = number(reply(vera, answerId, "/savekb").text());

        for (String typed : List.of("отмена", "Отмена!", "cancel")) {
            BotMessage shown = ask(ADMIN, "/drafts");
            assertThat(shown.text()).contains("Черновик #" + draft);
            int before = TELEGRAM.botMessages(ADMIN.id()).size();
            press(ADMIN, shown, "draft:edit:" + draft);
            assertThat(TELEGRAM.awaitBotMessages(ADMIN.id(), before + 1, WAIT).get(before).text())
                    .contains("Пришлите новый текст черновика #" + draft);
            assertThat(ask(ADMIN, typed).text()).as(typed).isEqualTo("Правку черновика отменил.");
            assertThat(jdbc.sql("select count(*) from draft_edit").query(Integer.class).single()).isZero();
        }
        assertThat(jdbc.sql("select title || '|' || body from draft where id = ?").param(draft).query(String.class)
                .single()).contains("Худжанде", "Панчшанбе");
        assertThat(press(ADMIN, ask(ADMIN, "/drafts"), "draft:no:" + draft)).isEqualTo("Отклонено");
        awaitIdle();
        assertThat(jdbc.sql("select count(*) from draft").query(Integer.class).single()).isZero();
        ask(vera, "/close");
    }

    @Test
    void misusedSavekbIsAnsweredPolitelyAndSavesNothing() {
        EmulatedUser vera = volunteer();
        int unrelated = TELEGRAM.sendText(vera, "как получить иин");
        TELEGRAM.awaitBotMessages(vera.id(), 1, WAIT);
        EmulatedUser refugee = newUser("ru");
        ask(refugee, "/human");
        long ticket = number(ask(refugee, "Вопрос про регистрацию").text());
        ask(vera, "/take " + ticket);
        BotMessage header = awaitMessageWith(vera.id(), "Гость #" + ticket);
        TELEGRAM.sendText(refugee, "Ещё деталь от гостя");
        BotMessage fromGuest = awaitMessageWith(vera.id(), "Ещё деталь от гостя");
        int documentId = TELEGRAM.sendDocument(vera, vera.id(), new byte[]{1}, "form.pdf", "application/pdf");
        TELEGRAM.awaitBotMessage(refugee.id(), m -> "document".equals(m.media()), WAIT);

        assertThat(ask(vera, "/savekb").text()).startsWith("Чтобы сохранить ответ в базу знаний, отправьте /savekb ответом");
        assertThat(reply(vera, header.messageId(), "/savekb").text()).startsWith("Сохранить можно только своё сообщение");
        assertThat(reply(vera, fromGuest.messageId(), "/savekb").text()).startsWith("Сохранить можно только своё сообщение");
        assertThat(reply(vera, unrelated, "/savekb").text()).startsWith("Это сообщение не уходило гостю в заявке");
        assertThat(reply(vera, documentId, "/savekb").text()).startsWith("Сохранить можно только текстовый ответ");
        EmulatedUser stranger = newUser("en");
        assertThat(reply(stranger, 1, "/savekb").text()).isEqualTo("This command and these buttons are for volunteers only.");
        assertThat(jdbc.sql("select count(*) from draft").query(Integer.class).single()).isZero();
        assertThat(TELEGRAM.botMessages(refugee.id())).noneMatch(m -> m.text().contains("savekb"));
        ask(vera, "/close");
    }

    @Test
    void onlyAdminsSeeDrafts() {
        assertThat(ask(newUser("ru"), "/drafts").text()).startsWith("Не знаю такой команды");
        assertThat(ask(volunteer(), "/drafts").text()).startsWith("Не знаю такой команды");
        assertThat(ask(newUser("en"), "/drafts").text()).startsWith("I don’t know that command");
    }

    private static BotMessage reply(EmulatedUser user, int replyTo, String text) {
        int before = TELEGRAM.botMessages(user.id()).size();
        TELEGRAM.sendReply(user, user.id(), replyTo, text);
        return TELEGRAM.awaitBotMessages(user.id(), before + 1, WAIT).get(before);
    }

    private static BotMessage lastMessage(EmulatedUser user) {
        List<BotMessage> all = TELEGRAM.botMessages(user.id());
        return all.get(all.size() - 1);
    }

    private static EmulatedUser volunteer() {
        EmulatedUser user = newUser("ru");
        Matcher code = Pattern.compile("start=(inv_[A-Za-z0-9_-]+)").matcher(ask(ADMIN, "/invite").text());
        assertThat(code.find()).isTrue();
        assertThat(ask(user, "/start " + code.group(1)).text()).contains("Добро пожаловать");
        return user;
    }

    private static long number(String text) {
        Matcher m = NUMBER.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return Long.parseLong(m.group(1));
    }
}
