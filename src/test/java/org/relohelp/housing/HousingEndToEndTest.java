package org.relohelp.housing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relohelp.EndToEndTest;
import org.relohelp.cluster.NotLeading;
import org.relohelp.emulator.BotMessage;
import org.relohelp.emulator.EmulatedUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Housing through the real client and database: a host offers a place, someone looking finds it, asks, is accepted
 * and the two talk through the bot without either account; every bad input; reports, blocking, expiry, the limits,
 * and /forget. Each person here stays under the test context's limit of 30 messages and presses a minute.
 */
@ExtendWith(OutputCaptureExtension.class)
class HousingEndToEndTest extends EndToEndTest {

    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter BUTTON = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMMM yyyy",
            java.util.Locale.forLanguageTag("ru"));

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    OfferExpiry expiry;
    @Autowired
    HostRoster roster;
    @Autowired
    org.relohelp.users.Forgetting forgetting;

    @Test
    void aPlaceIsOfferedFoundRequestedAcceptedAndTalkedAbout(CapturedOutput output) {
        EmulatedUser timur = host("Тимур");
        LocalDate today = today();
        // Уральск: no other test offers there, so the search finds exactly these two
        BotMessage preview = offerUntilPreview(timur, 4, "ROOM", "2", today, today.plusDays(14), "5000 тенге за ночь",
                "Светлая комната у метро, есть Wi-Fi");
        assertThat(preview.text()).contains("Так ваше предложение увидят люди", "Комната · Уральск", "до 2 чел.",
                "5000 KZT за ночь", "можно с детьми", "без животных", "Светлая комната у метро",
                "Хозяин одобрен волонтёрами",
                // the knowledge base's own rule, and the one it does not state
                "не платите вперёд без договора и просмотра", "Не отправляйте заранее паспорт")
                // under a heading of its own: the section's title, a renter's question, read as asked about the host
                .contains("Как не попасть на мошенников").doesNotContain("это развод");
        long paid = publish(timur, preview);
        EmulatedUser olga = host("Ольга");
        long free = publish(olga, offerUntilPreview(olga, 4, "FLAT", "4", today, today.plusDays(30), null,
                "Квартира на время, бесплатно"));

        EmulatedUser emma = newUser("en");
        press(emma, ask(emma, "/start"), "country:KZ");
        TELEGRAM.awaitBotMessages(emma.id(), 2, WAIT);
        BotMessage city = ask(emma, "/housing");
        assertThat(city.text()).contains("Looking for a place", "In which city (🇰🇿 Kazakhstan)?");
        assertThat(city.button("Uralsk")).isPresent();
        BotMessage dates = pressForNext(emma, city, "ho:s:city:KZ:4");
        assertThat(dates.text()).contains("Uralsk: from when to when");
        BotMessage people = ask(emma, typed(today.plusDays(1)) + " – " + typed(today.plusDays(5)));
        assertThat(people.text()).contains("How many of you?");
        BotMessage found = pressForNext(emma, people, "ho:s:p:2");
        assertThat(found.text()).contains("Found: 2.", "A room · Uralsk · #" + paid, "5000 KZT a night",
                "A flat · Uralsk · #" + free, "Host approved by the volunteers", "Never send your passport")
                .doesNotContain("Тимур", "Ольга", String.valueOf(timur.id()));
        assertThat(found.text().indexOf("#" + free)).as("free ones first").isLessThan(found.text().indexOf("#" + paid));
        String request = found.allButtons().stream().map(BotMessage.InlineButton::callbackData)
                .filter(d -> d.startsWith("ho:req:" + paid + ":")).findFirst().orElseThrow();
        assertThat(request).isEqualTo("ho:req:" + paid + ":" + BUTTON.format(today.plusDays(1)) + ":"
                + BUTTON.format(today.plusDays(5)) + ":2");

        BotMessage write = pressForNext(emma, found, request);
        assertThat(write.text()).contains("Write the host a short message", "never your name, username or phone",
                "do not prepay without a contract and a viewing");
        BotMessage sent = ask(emma, "Hello! Two of us, arriving in the evening");
        long number = number(sent.text(), "Request #(\\d+) sent");
        BotMessage asked = awaitMessageWith(timur.id(), "Запрос #" + number);
        assertThat(asked.text()).contains("Гость #" + number, "Hello! Two of us, arriving in the evening",
                "Комната · Уральск", "не платите вперёд").doesNotContain(emma.firstName(), String.valueOf(emma.id()));
        assertThat(ask(emma, "Hello again").text()).as("before an answer, a message is a question")
                .doesNotContain("Гость");

        assertThat(press(timur, asked, "ho:o:acc:" + number)).isEqualTo("Запрос #" + number + " принят");
        awaitMessageWith(timur.id(), "Вы приняли запрос #" + number);
        BotMessage accepted = awaitMessageWith(emma.id(), "Тимур accepted your request #" + number);
        assertThat(accepted.allButtons()).extracting(BotMessage.InlineButton::callbackData)
                .contains("ho:end:" + number, "ho:share:" + number, "ho:rep:" + paid);

        int emmaSays = TELEGRAM.sendText(emma, "When can we check in?");
        BotMessage copy = awaitMessageWith(timur.id(), "When can we check in?");
        assertThat(copy.text()).isEqualTo("💬 Гость #" + number + ":\nWhen can we check in?");
        TELEGRAM.sendText(timur, "После 18:00, адрес напишу");
        assertThat(awaitMessageWith(emma.id(), "После 18:00").text())
                .isEqualTo("💬 Тимур, host:\nПосле 18:00, адрес напишу");
        TELEGRAM.sendPhoto(emma, emma.id(), new byte[]{4, 2}, "passport-not.jpg", "our tickets");
        BotMessage photo = TELEGRAM.awaitBotMessage(timur.id(), m -> "photo".equals(m.media()), WAIT);
        assertThat(photo.text()).contains("Гость #" + number, "our tickets");
        assertThat(TELEGRAM.file(photo.fileId()).orElseThrow().bytes()).containsExactly(4, 2);
        TELEGRAM.sendDocument(timur, timur.id(), new byte[]{9}, "map.pdf", "application/pdf");
        TELEGRAM.awaitBotMessage(emma.id(), m -> "document".equals(m.media()), WAIT);
        TELEGRAM.editText(emma, emmaSays, "When exactly can we check in?");
        TELEGRAM.awaitBotMessage(timur.id(), m -> m.messageId() == copy.messageId()
                && m.text().contains("When exactly") && m.text().contains("(изменено)"), WAIT);

        assertThat(TELEGRAM.botMessages(timur.id())).as("nothing shows the guest's account")
                .noneMatch(m -> m.text().contains(emma.firstName()) || m.html().contains(String.valueOf(emma.id())));
        assertThat(TELEGRAM.botMessages(emma.id())).noneMatch(m -> m.html().contains(String.valueOf(timur.id())));

        BotMessage share = pressForNext(emma, accepted, "ho:share:" + number);
        assertThat(share.text()).contains("Send the other side (Тимур, #" + number + ") a link to your Telegram");
        assertThat(TELEGRAM.botMessages(timur.id())).as("not before the guest confirms")
                .noneMatch(m -> m.text().contains("поделился"));
        press(emma, share, "ho:sharey:" + number);
        BotMessage contact = awaitMessageWith(timur.id(), "поделился(-ась) контактом");
        assertThat(contact.html()).contains("Гость #" + number, "tg://user?id=" + emma.id());

        BotMessage hostSide = awaitMessageWith(timur.id(), "Вы приняли запрос #" + number);
        int emmaBefore = TELEGRAM.botMessages(emma.id()).size();
        press(timur, hostSide, "ho:end:" + number);
        awaitMessageWith(timur.id(), "Разговор по запросу #" + number + " завершён");
        awaitMessageWith(emma.id(), "Тимур ended the conversation about request #" + number);
        TELEGRAM.sendText(emma, "one more thing");
        TELEGRAM.awaitBotMessages(emma.id(), emmaBefore + 2, WAIT);
        assertThat(TELEGRAM.botMessages(timur.id())).noneMatch(m -> m.text().contains("one more thing"));
        assertThat(jdbc.sql("select status from housing_request where id = ?").param(number).query(String.class)
                .single()).isEqualTo("ENDED");
        assertThat(output.getAll()).as("logs carry ids and kinds, never words").doesNotContain("Светлая комната",
                "Two of us", "check in", "После 18:00", "Тимур", emma.firstName());
    }

    @Test
    void everyBadInputInAnOfferGetsAClearAnswerAndChangesNothing() {
        EmulatedUser host = host("Марат");
        LocalDate today = today();
        BotMessage country = ask(host, "/offer");
        assertThat(country.text()).contains("В какой стране жильё?");
        BotMessage city = pressForNext(host, country, "ho:o:c:KZ");
        assertThat(ask(host, "Гонолулу").text()).contains("Не знаю города «Гонолулу»", "Алматы, Астана, Шымкент");
        assertThat(ask(host, "в Тбилиси").text()).as("a city of another country").contains("Что вы предлагаете?");
        assertThat(draft(host)).containsEntry("COUNTRY", "GE").containsEntry("CITY", "Тбилиси");
        BotMessage people = pressForNext(host, TELEGRAM.botMessages(host.id()).get(TELEGRAM.botMessages(host.id())
                .size() - 1), "ho:o:kind:BED");
        assertThat(people.text()).contains("На сколько человек?");
        assertThat(ask(host, "0").text()).contains("хотя бы один");
        assertThat(ask(host, "много").text()).contains("цифрами");
        assertThat(ask(host, "500").text()).contains("не больше 20");
        assertThat(ask(host, "2").text()).contains("С какого по какое число?");
        assertThat(ask(host, typed(today.minusDays(10)) + " – " + typed(today.minusDays(2))).text())
                .contains("уже прошли");
        assertThat(ask(host, typed(today.plusDays(10)) + " – " + typed(today.plusDays(5))).text())
                .contains("позже даты заезда");
        assertThat(ask(host, typed(today.plusDays(3))).text()).contains("Нужны две даты");
        assertThat(ask(host, "05/06/2027 – 10/06/2027").text()).contains("можно понять по-разному");
        assertThat(draft(host)).containsEntry("STEP", "OFFER_DATES").containsEntry("DATE_FROM", null);

        // a question in the middle is answered, and the step asked again; nothing is lost
        int before = TELEGRAM.botMessages(host.id()).size();
        TELEGRAM.sendText(host, "как получить иин?");
        List<BotMessage> answered = TELEGRAM.awaitBotMessages(host.id(), before + 2, WAIT);
        assertThat(answered.get(before).text()).contains("ИИН");
        assertThat(answered.get(before + 1).text()).contains("С какого по какое число?");

        assertThat(ask(host, "сегодня – " + typed(today.plusDays(7))).text()).contains("Сколько это стоит?");
        assertThat(ask(host, "дорого").text()).contains("Цена должна быть числом");
        assertThat(ask(host, "99999999999 тенге").text()).contains("Слишком большое число");
        BotMessage conditions = ask(host, "4000 лари за ночь");
        assertThat(conditions.text()).contains("Условия");
        BotMessage toggled = conditions;
        press(host, conditions, "ho:o:cond:pets");
        toggled = TELEGRAM.awaitBotMessage(host.id(), m -> m.messageId() == conditions.messageId()
                && m.edits() > 0, WAIT);
        assertThat(toggled.button("Животные").orElseThrow().text()).startsWith("✅");
        BotMessage description = pressForNext(host, toggled, "ho:o:next");
        assertThat(description.text()).contains("Коротко опишите жильё");
        assertThat(ask(host, "x".repeat(501)).text()).contains("Слишком длинно: 501 знаков, можно до 500");
        int beforeSticker = TELEGRAM.botMessages(host.id()).size();
        TELEGRAM.sendSticker(host);
        assertThat(TELEGRAM.awaitBotMessages(host.id(), beforeSticker + 1, WAIT).get(beforeSticker).text())
                .contains("Опишите жильё словами");
        BotMessage preview = ask(host, "Койка в хостеле");
        assertThat(preview.text()).contains("Койка · Тбилиси", "4000 GEL за ночь", "можно с животными");
        assertThat(jdbc.sql("select count(*) from housing_offer where host_id = ?").param(host.id())
                .query(Integer.class).single()).isZero();

        BotMessage leave = ask(host, "/cancel");
        assertThat(leave.text()).contains("Предложение не сохранено");
        assertThat(draft(host)).isEmpty();
        assertThat(press(host, preview, "ho:o:pub")).contains("больше не работает");
    }

    @Test
    void anOfferDraftIsSetAsideByAnotherHousingCommandOrButtonAndOfferGoesOnWithIt() {
        EmulatedUser host = host("Айдар");
        LocalDate today = today();
        EmulatedUser neighbour = newUser("ru");
        ask(neighbour, "/start");
        roster.enlist(neighbour.id(), "Сосед");
        long theirs = insertOffer(neighbour.id(), "Алматы", today, today.plusDays(10));
        BotMessage country = ask(host, "/offer");
        BotMessage cities = pressForNext(host, country, "ho:o:c:KZ");
        BotMessage kinds = pressForNext(host, cities, "ho:o:city:KZ:5");
        pressForNext(host, kinds, "ho:o:kind:FLAT");
        ask(host, "3");
        ask(host, typed(today.plusDays(2)) + " – " + typed(today.plusDays(9)));
        BotMessage conditions = ask(host, "7000 тенге за ночь");
        assertThat(conditions.text()).contains("Условия");

        // a command in the middle: the draft is set aside, in one line, and the command answered
        int before = TELEGRAM.botMessages(host.id()).size();
        TELEGRAM.sendText(host, "/myoffers");
        List<BotMessage> answered = TELEGRAM.awaitBotMessages(host.id(), before + 2, WAIT);
        assertThat(answered.get(before).text()).contains("Черновик предложения отложен", "/offer");
        assertThat(answered.get(before + 1).text()).contains("нет открытых предложений");
        assertThat(draft(host)).isEmpty();
        assertThat(aside(host)).containsEntry("STEP", "OFFER_CONDITIONS").containsEntry("PRICE", 7000)
                .containsEntry("PEOPLE", 3);
        BotMessage resumed = ask(host, "/offer");
        assertThat(resumed.text()).contains("Продолжаем ваш черновик", "Условия");
        assertThat(aside(host)).isEmpty();

        // another housing button: "Find a place" says in the same message that the draft waits
        BotMessage search = pressForNext(host, resumed, "ho:find");
        assertThat(search.text()).contains("Черновик предложения отложен", "/offer", "В какой стране ищете жильё?");
        assertThat(draft(host)).containsEntry("STEP", "SEARCH_COUNTRY");
        BotMessage back = ask(host, "/offer");
        assertThat(back.text()).contains("Поиск жилья остановлен", "Продолжаем ваш черновик", "Условия");
        assertThat(pressForNext(host, back, "ho:o:next").text()).contains("Коротко опишите жильё");

        // /housing, and a request sent to someone else's offer in the middle
        before = TELEGRAM.botMessages(host.id()).size();
        TELEGRAM.sendText(host, "/housing");
        answered = TELEGRAM.awaitBotMessages(host.id(), before + 2, WAIT);
        assertThat(answered.get(before).text()).contains("Черновик предложения отложен");
        assertThat(answered.get(before + 1).text()).contains("В какой стране ищете жильё?");
        assertThat(ask(host, "/offer").text()).contains("Поиск жилья остановлен", "Коротко опишите жильё");
        BotMessage write = pressForNext(host, resumed, requestAction(theirs, today.plusDays(1), today.plusDays(2), 1));
        assertThat(write.text()).contains("Черновик предложения отложен", "Напишите хозяину");
        assertThat(ask(host, "Здравствуйте, можно к вам?").text()).contains("отправлен");
        assertThat(ask(host, "/offer").text()).contains("Продолжаем ваш черновик", "Коротко опишите жильё");
        BotMessage preview = ask(host, "Квартира целиком, третий этаж");
        assertThat(preview.text()).contains("Так ваше предложение увидят люди", "Квартира · ", "до 3 чел.",
                "7000 KZT за ночь", "Квартира целиком, третий этаж");
        long offer = publish(host, preview);
        assertThat(jdbc.sql("select people || ' ' || price from housing_offer where id = ?").param(offer)
                .query(String.class).single()).isEqualTo("3 7000");
        assertThat(ask(host, "/offer").text()).as("once published, /offer is a new offer")
                .contains("Предложить жильё", "В какой стране жильё?");
    }

    /**
     * "отмена" typed in a housing step is Cancel, as the button under it: a request's message is not sent (it went
     * to the host as the request «отмена»), and a search and a new offer stop (the draft is not set aside).
     */
    @Test
    void aCancelWordTypedInAHousingStepCancelsIt() {
        EmulatedUser host = host("Гульнара");
        LocalDate today = today();
        long offer = publish(host, offerUntilPreview(host, 0, "ROOM", "1", today, today.plusDays(10), null,
                "Комната, куда не пишут «отмена»"));
        EmulatedUser guest = newUser("ru");
        BotMessage start = ask(guest, "/start");
        BotMessage write = pressForNext(guest, start, requestAction(offer, today.plusDays(1), today.plusDays(2), 1));
        assertThat(write.text()).contains("Напишите хозяину");
        assertThat(ask(guest, "отмена").text()).isEqualTo("Запрос не отправлен.");
        assertThat(requestsOf(guest)).isZero();
        assertThat(draft(guest)).isEmpty();
        pressForNext(guest, start, requestAction(offer, today.plusDays(1), today.plusDays(2), 1));
        assertThat(ask(guest, "Отмена.").text()).isEqualTo("Запрос не отправлен.");
        assertThat(requestsOf(guest)).isZero();

        ask(guest, "/housing");
        assertThat(ask(guest, "Казахстан").text()).contains("В каком городе");
        assertThat(ask(guest, "СТОП").text()).isEqualTo("Поиск жилья остановлен. Снова: /housing");
        assertThat(draft(guest)).isEmpty();

        BotMessage country = ask(host, "/offer");
        pressForNext(host, pressForNext(host, country, "ho:o:c:KZ"), "ho:o:city:KZ:0");
        assertThat(ask(host, "✖️ Отмена").text()).isEqualTo("Предложение не сохранено. Начать заново: /offer");
        assertThat(draft(host)).isEmpty();
        assertThat(aside(host)).isEmpty();
        awaitIdle();
        assertThat(TELEGRAM.botMessages(host.id())).noneMatch(m -> m.text().contains("Запрос #"));
    }

    @Test
    void theSearchAnswersItsBadInputsTooAndForgedButtonsChangeNothing() {
        LocalDate today = today();
        EmulatedUser guest = newUser("ru");
        BotMessage where = ask(guest, "/housing");
        assertThat(where.text()).contains("В какой стране ищете жильё?");
        assertThat(ask(guest, "Гонолулу").text()).contains("Не знаю такого места: «Гонолулу»");
        BotMessage kz = ask(guest, "Казахстан");
        assertThat(kz.text()).contains("В каком городе (🇰🇿 Казахстан)?");
        assertThat(ask(guest, "Нарния").text()).contains("Не знаю города «Нарния»", "Алматы");
        assertThat(ask(guest, "Караганда").text()).as("a city no test offers in")
                .contains("с какого по какое число");
        assertThat(ask(guest, typed(today.minusDays(3)) + " – " + typed(today.plusDays(3))).text())
                .contains("уже прошли");
        assertThat(ask(guest, typed(today.plusDays(4)) + " – " + typed(today.plusDays(2))).text())
                .contains("позже даты заезда");
        assertThat(ask(guest, "сегодня - " + typed(today.plusDays(2))).text()).contains("Сколько вас?");
        assertThat(ask(guest, "0").text()).contains("хотя бы один");
        assertThat(ask(guest, "двое").text()).contains("открытых предложений пока нет");
        assertThat(draft(guest)).isEmpty();
        // a forged request, a forged report, and dates that are not dates change nothing
        BotMessage mine = TELEGRAM.botMessages(guest.id()).get(0);
        assertThat(press(guest, mine, "ho:req:999999999:20270101:20270105:2")).contains("больше не работает");
        assertThat(press(guest, mine, "ho:req:1:2027xx01:20270105:2")).contains("больше не работает");
        assertThat(press(guest, mine, "ho:rep:999999999")).contains("больше не работает");
        assertThat(press(guest, mine, "ho:more:KZ:0:20270101:20270105:2:x")).contains("больше не работает");
        assertThat(jdbc.sql("select count(*) from housing_request where guest_id = ?").param(guest.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void twoReportsHideAnOfferUntilAnAdminLooksAndABlockedHostDisappears() {
        EmulatedUser host = host("Ринат");
        LocalDate today = today();
        long offer = publish(host, offerUntilPreview(host, 1, "ROOM", "1", today, today.plusDays(10), null,
                "Комната в Астане"));
        long other = insertOffer(host.id(), "Астана", today, today.plusDays(10));
        EmulatedUser first = newUser("ru");
        EmulatedUser second = newUser("ru");
        BotMessage firstChat = ask(first, "/start");
        BotMessage secondChat = ask(second, "/start");
        assertThat(press(first, firstChat, "ho:rep:" + offer)).contains("Спасибо", "#" + offer);
        assertThat(press(first, firstChat, "ho:rep:" + offer)).contains("уже пожаловались");
        assertThat(press(host, TELEGRAM.botMessages(host.id()).get(0), "ho:rep:" + offer)).contains("ваше предложение");
        assertThat(status(offer)).isEqualTo("LIVE");
        assertThat(search(newUser("ru"), 1, today).text()).contains("#" + offer);

        press(second, secondChat, "ho:rep:" + offer);
        BotMessage report = awaitMessageWith(ADMIN.id(), "Предложение #" + offer + " скрыто");
        assertThat(report.text()).contains("жалоб 2", "Ринат", "Комната в Астане")
                .doesNotContain(first.firstName(), String.valueOf(first.id()), second.firstName());
        awaitMessageWith(host.id(), "На предложение #" + offer + " пожаловались");
        assertThat(status(offer)).isEqualTo("HIDDEN");
        assertThat(search(newUser("ru"), 1, today).text()).doesNotContain("#" + offer).contains("#" + other);
        assertThat(press(first, firstChat, "ho:mod:restore:" + offer)).as("admins' buttons are admins'")
                .contains("больше не работает");
        assertThat(ask(first, "/blockhost " + host.id()).text()).startsWith("Не знаю такой команды");

        press(ADMIN, report, "ho:mod:restore:" + offer);
        awaitMessageWith(host.id(), "снова в поиске");
        assertThat(status(offer)).isEqualTo("LIVE");
        assertThat(search(newUser("ru"), 1, today).text()).contains("#" + offer);

        // a guest in a conversation with the host when an admin blocks them
        EmulatedUser guest = newUser("ru");
        long request = requestAndAccept(host, guest, offer, today.plusDays(1), today.plusDays(3), 1);
        press(first, firstChat, "ho:rep:" + offer);
        press(second, secondChat, "ho:rep:" + offer);
        BotMessage again = TELEGRAM.awaitBotMessage(ADMIN.id(), m -> m.text().contains("Предложение #" + offer
                + " скрыто") && m.messageId() != report.messageId(), WAIT);
        press(ADMIN, again, "ho:mod:block:" + offer);
        TELEGRAM.awaitBotMessage(ADMIN.id(), m -> m.messageId() == again.messageId()
                && m.text().contains("заблокирован, закрыто предложений: 2"), WAIT);
        awaitMessageWith(host.id(), "заблокировали вас как хозяина");
        awaitMessageWith(guest.id(), "заблокировали хозяина, с которым вы говорили (запрос #" + request + ")");
        assertThat(List.of(status(offer), status(other))).containsOnly("CLOSED");
        assertThat(ask(host, "/offer").text()).contains("только для хозяев жилья");
        assertThat(ask(host, "/myoffers").text()).contains("только для хозяев жилья");
        TELEGRAM.sendText(guest, "вы тут?");
        assertThat(TELEGRAM.botMessages(host.id())).noneMatch(m -> m.text().contains("вы тут?"));

        // no invitation makes a blocked host a host again; the link stays good for someone else
        String code = invite();
        assertThat(ask(host, "/start " + code).text()).contains("стать хозяином нельзя");
        EmulatedUser someoneElse = newUser("ru");
        assertThat(ask(someoneElse, "/start " + code).text()).contains("Теперь вы хозяин");
        assertThat(ask(ADMIN, "/addhost " + host.id()).text()).as("the admin hears of the block first")
                .contains(host.id() + " был заблокирован как хозяин " + SHOWN.format(LocalDate.now(clock)),
                        "/addhost " + host.id() + " снова");
        assertThat(ask(host, "/offer").text()).contains("только для хозяев жилья");
        int welcomed = TELEGRAM.botMessages(host.id()).size();
        assertThat(ask(ADMIN, "/addhost " + host.id() + " снова").text()).contains("Хозяин " + host.id() + " одобрен");
        assertThat(jdbc.sql("select count(*) from housing_block where user_id = ?").param(host.id())
                .query(Integer.class).single()).as("approving again lifts the block").isZero();
        assertThat(TELEGRAM.awaitBotMessages(host.id(), welcomed + 1, WAIT).get(welcomed).text())
                .contains("Теперь вы хозяин", "«Ринат»");
        assertThat(ask(host, "/myoffers").text()).contains("нет открытых предложений");

        // /blockhost takes the offers down at once as well
        long third = publish(someoneElse, offerUntilPreview(someoneElse, 1, "FLAT", "3", today, today.plusDays(9),
                null, "Квартира в Астане"));
        assertThat(ask(ADMIN, "/blockhost " + someoneElse.id()).text()).contains("заблокирован как хозяин",
                "закрыто предложений: 1");
        assertThat(status(third)).isEqualTo("CLOSED");
        assertThat(search(newUser("ru"), 1, today).text()).doesNotContain("#" + third);
    }

    @Test
    void aBlockedHostWhoForgetsStaysBlockedAndAnAdminIsToldWhenForAYear() {
        EmulatedUser host = host("Мошенник");
        assertThat(ask(ADMIN, "/blockhost " + host.id()).text()).contains("заблокирован как хозяин",
                "/addhost " + host.id() + " снова");
        awaitMessageWith(host.id(), "заблокировали вас как хозяина");
        LocalDate blocked = LocalDate.now(clock);
        assertThat(ask(host, "/privacy").text()).contains("заблокировали вас как хозяина " + SHOWN.format(blocked),
                "только id и дата", "хранится до " + SHOWN.format(blocked.plusDays(365)), "и после /forget");

        press(host, ask(host, "/forget"), "forget:yes");
        TELEGRAM.awaitBotMessage(host.id(), m -> m.text().contains("всё о вас удалено"), WAIT);
        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(rowsMentioning(host.id()))
                .as("the id and the day, nothing else").isEqualTo(Map.of("HOUSING_BLOCK.USER_ID", 1)));
        assertThat(jdbc.sql("select * from housing_block where user_id = ?").param(host.id()).query().singleRow())
                .containsOnlyKeys("USER_ID", "BLOCKED_ON").containsEntry("BLOCKED_ON", java.sql.Date.valueOf(blocked));

        // back as "someone new": no invitation makes them a host, and the admin's /addhost says when they were blocked
        String code = invite();
        assertThat(ask(host, "/start " + code).text()).contains("стать хозяином нельзя");
        assertThat(ask(ADMIN, "/addhost " + host.id()).text())
                .contains(host.id() + " был заблокирован как хозяин " + SHOWN.format(blocked),
                        "/addhost " + host.id() + " снова");
        assertThat(ask(host, "/offer").text()).contains("только для хозяев жилья");
        assertThat(ask(ADMIN, "/addhost " + host.id() + " потом").text()).contains("Напишите так: /addhost");

        // the block is remembered for relohelp.housing.block-kept (365 days), then purged
        long older = 900_000_000_001L;
        long newer = 900_000_000_002L;
        jdbc.sql("insert into housing_block (user_id, blocked_on) values (?, ?), (?, ?)")
                .params(older, blocked.minusDays(366), newer, blocked.minusDays(364)).update();
        forgetting.purge(LocalDateTime.now(clock));
        assertThat(jdbc.sql("select user_id from housing_block where user_id in (?, ?, ?)")
                .params(older, newer, host.id()).query(Long.class).list()).containsExactlyInAnyOrder(newer, host.id());
        jdbc.sql("delete from housing_block where user_id = ?").param(newer).update();

        // an admin who is sure approves them all the same, which lifts the block
        int welcomed = TELEGRAM.botMessages(host.id()).size();
        assertThat(ask(ADMIN, "/addhost " + host.id() + " снова").text()).contains("Хозяин " + host.id() + " одобрен");
        assertThat(TELEGRAM.awaitBotMessages(host.id(), welcomed + 1, WAIT).get(welcomed).text())
                .contains("Теперь вы хозяин");
        assertThat(ask(host, "/myoffers").text()).contains("нет открытых предложений");
        assertThat(jdbc.sql("select count(*) from housing_block where user_id = ?").param(host.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void offersEndOnTheirLastDateAndTheHostIsAskedADayBefore() {
        EmulatedUser host = newUser("ru");
        ask(host, "/start");
        roster.enlist(host.id(), "Айгерим");
        LocalDate today = today();
        long ending = insertOffer(host.id(), "Шымкент", today, today.plusDays(1));
        long ended = insertOffer(host.id(), "Шымкент", today, today.plusDays(5));
        EmulatedUser guest = newUser("ru");
        long waiting = request(guest, ended, today, today.plusDays(2), 1);
        awaitMessageWith(host.id(), "Запрос #" + waiting);
        jdbc.sql("update housing_offer set date_to = ? where id = ?").params(today, ended).update();

        new OfferExpiry(null, null, null, null, null, null, null, clock, new NotLeading(), null).run();
        expiry.run();

        BotMessage ask = awaitMessageWith(host.id(), "заканчивается завтра");
        assertThat(ask.text()).contains("#" + ending, "Продлить его на 7 дней");
        awaitMessageWith(host.id(), "#" + ended + " · Комната · Шымкент закончилось");
        awaitMessageWith(guest.id(), "запрос #" + waiting + " больше не ждёт ответа");
        assertThat(status(ended)).isEqualTo("CLOSED");
        assertThat(jdbc.sql("select status from housing_request where id = ?").param(waiting).query(String.class)
                .single()).isEqualTo("DECLINED");

        int asked = (int) TELEGRAM.botMessages(host.id()).stream().filter(m -> m.text().contains("заканчивается"))
                .count();
        expiry.run();
        assertThat(TELEGRAM.botMessages(host.id()).stream().filter(m -> m.text().contains("заканчивается")).count())
                .as("asked once").isEqualTo(asked);

        assertThat(press(host, ask, "ho:o:ext:" + ending)).contains("продлено до");
        assertThat(jdbc.sql("select date_to from housing_offer where id = ?").param(ending).query(LocalDate.class)
                .single()).isEqualTo(today.plusDays(8));
        assertThat(jdbc.sql("select reminded_at is null from housing_offer where id = ?").param(ending)
                .query(Boolean.class).single()).isTrue();
        jdbc.sql("update housing_offer set date_to = ? where id = ?").params(today.plusDays(1), ending).update();
        expiry.run();
        BotMessage askedAgain = TELEGRAM.awaitBotMessage(host.id(), m -> m.text().contains("заканчивается завтра")
                && m.messageId() != ask.messageId(), WAIT);
        assertThat(press(host, askedAgain, "ho:o:close:" + ending)).contains("закрыто");
        assertThat(status(ending)).isEqualTo("CLOSED");
    }

    @Test
    void oneCannotSendFiftyRequestsAMinuteNorPostFiftyOffers() {
        LocalDate today = today();
        EmulatedUser first = newUser("ru");
        EmulatedUser second = newUser("ru");
        ask(first, "/start");
        ask(second, "/start");
        roster.enlist(first.id(), "Первый");
        roster.enlist(second.id(), "Второй");
        List<Long> offers = new java.util.ArrayList<>();
        for (EmulatedUser host : List.of(first, second)) {
            for (int i = 0; i < 3; i++) {
                offers.add(insertOffer(host.id(), "Алматы", today, today.plusDays(20)));
            }
        }
        assertThat(ask(first, "/offer").text()).contains("Открытых предложений у вас: 3", "/myoffers");
        assertThat(ask(first, "/myoffers").text()).contains("(3 из 3)");

        EmulatedUser eager = newUser("ru");
        BotMessage chat = ask(eager, "/start");
        for (int i = 0; i < 3; i++) {
            request(eager, offers.get(i), today.plusDays(1), today.plusDays(2), 1);
        }
        for (int i = 3; i < 6; i++) {
            BotMessage refused = pressForNext(eager, chat, requestAction(offers.get(i), today.plusDays(1),
                    today.plusDays(2), 1));
            assertThat(refused.text()).contains("За последнюю минуту отправлено запросов: 3", "Подождите минуту");
        }
        assertThat(requestsOf(eager)).isEqualTo(3);
        // the minute has passed, the hour not: up to ten an hour
        jdbc.sql("update housing_request set created_at = ? where guest_id = ?")
                .params(LocalDateTime.now(clock).minusMinutes(2), eager.id()).update();
        for (int i = 0; i < 7; i++) {
            jdbc.sql("insert into housing_request (offer_id, guest_id, host_id, date_from, date_to, people, status, "
                    + "created_at, ended_at) values (?, ?, ?, ?, ?, 1, 'WITHDRAWN', ?, ?)").params(offers.get(5),
                    eager.id(), second.id(), today, today.plusDays(1), LocalDateTime.now(clock).minusMinutes(30),
                    LocalDateTime.now(clock).minusMinutes(30)).update();
        }
        assertThat(pressForNext(eager, chat, requestAction(offers.get(3), today.plusDays(1), today.plusDays(2), 1))
                .text()).contains("За последний час отправлено запросов: 10");
        assertThat(requestsOf(eager)).isEqualTo(10);

        // a host at the limit who began an offer before reaching it cannot publish it either
        EmulatedUser third = newUser("ru");
        ask(third, "/start");
        roster.enlist(third.id(), "Третий");
        insertOffer(third.id(), "Алматы", today, today.plusDays(5));
        insertOffer(third.id(), "Алматы", today, today.plusDays(5));
        BotMessage preview = offerUntilPreview(third, 0, "BED", "1", today, today.plusDays(3), null, "Ещё одна койка");
        insertOffer(third.id(), "Алматы", today, today.plusDays(5));
        assertThat(pressForNext(third, preview, "ho:o:pub").text()).contains("Открытых предложений у вас: 3");
        assertThat(jdbc.sql("select count(*) from housing_offer where host_id = ?").param(third.id())
                .query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void forgetTakesOffersRequestsAndConversationsAway() {
        EmulatedUser host = host("Дамир");
        LocalDate today = today();
        long offer = publish(host, offerUntilPreview(host, 0, "ROOM", "2", today, today.plusDays(10), null,
                "Комната для забывчивых"));
        EmulatedUser guest = newUser("ru");
        long talk = requestAndAccept(host, guest, offer, today.plusDays(1), today.plusDays(4), 2);
        TELEGRAM.sendText(guest, "секретное сообщение хозяину");
        awaitMessageWith(host.id(), "секретное сообщение хозяину");
        TELEGRAM.sendText(host, "ответ гостю");
        awaitMessageWith(guest.id(), "ответ гостю");
        BotMessage guestChat = TELEGRAM.botMessages(guest.id()).get(0);
        EmulatedUser other = host("Другой");
        long otherOffer = publish(other, offerUntilPreview(other, 0, "BED", "1", today, today.plusDays(10), null,
                "Другая койка"));
        press(guest, guestChat, "ho:rep:" + otherOffer);
        assertThat(ask(guest, "/privacy").text()).contains("ваши запросы жилья: 1");
        assertThat(ask(host, "/privacy").text()).contains("вы хозяин жилья", "открытых предложений: 1");

        BotMessage confirm = ask(guest, "/forget");
        press(guest, confirm, "forget:yes");
        TELEGRAM.awaitBotMessage(guest.id(), m -> m.text().contains("всё о вас удалено"), WAIT);
        awaitMessageWith(host.id(), "по запросу #" + talk + " удалил свои данные");
        assertNothingMentions(guest);

        EmulatedUser waiting = newUser("ru");
        long pending = request(waiting, offer, today.plusDays(2), today.plusDays(3), 1);
        // a draft of another offer, set aside by /forget itself: it goes too
        awaitMessageWith(host.id(), "Запрос #" + pending);
        assertThat(pressForNext(host, ask(host, "/offer"), "ho:o:c:KZ").text()).contains("В каком городе");
        int before = TELEGRAM.botMessages(host.id()).size();
        TELEGRAM.sendText(host, "/forget");
        List<BotMessage> set = TELEGRAM.awaitBotMessages(host.id(), before + 2, WAIT);
        assertThat(set.get(before).text()).contains("Черновик предложения отложен");
        assertThat(aside(host)).containsEntry("COUNTRY", "KZ");
        BotMessage hostConfirm = set.get(before + 1);
        press(host, hostConfirm, "forget:yes");
        TELEGRAM.awaitBotMessage(host.id(), m -> m.text().contains("всё о вас удалено"), WAIT);
        awaitMessageWith(waiting.id(), "запрос #" + pending + " больше не ждёт ответа");
        assertNothingMentions(host);
        assertThat(jdbc.sql("select count(*) from housing_offer where id = ?").param(offer).query(Integer.class)
                .single()).isZero();
        assertThat(search(newUser("ru"), 0, today).text()).doesNotContain("#" + offer);
    }

    @Test
    void aReplyReachesTheHostWhileOtherMessagesStayWithTheTicket() {
        EmulatedUser host = host("Арман");
        LocalDate today = today();
        long offer = publish(host, offerUntilPreview(host, 0, "ROOM", "1", today, today.plusDays(10), null,
                "Комната для тех, у кого и заявка"));
        EmulatedUser guest = newUser("ru");
        long talk = requestAndAccept(host, guest, offer, today.plusDays(1), today.plusDays(2), 1);
        TELEGRAM.sendText(host, "Добро пожаловать!");
        BotMessage fromHost = awaitMessageWith(guest.id(), "Добро пожаловать!");

        // the guest also asks a volunteer: plain messages stay with the ticket, a reply goes to the host
        assertThat(ask(guest, "/human").text()).contains("Опишите");
        assertThat(ask(guest, "Как встать на учёт по месту жительства?").text()).contains("создана");
        assertThat(ask(guest, "И ещё про регистрацию").text()).contains("Добавлено к заявке");
        TELEGRAM.sendReply(guest, guest.id(), fromHost.messageId(), "Спасибо, буду в шесть");
        assertThat(awaitMessageWith(host.id(), "Спасибо, буду в шесть").text()).startsWith("💬 Гость #" + talk);
        assertThat(TELEGRAM.botMessages(host.id())).noneMatch(m -> m.text().contains("И ещё про регистрацию"));
        ask(guest, "/cancel");

        // without a ticket, plain messages go to the host until "questions to the bot"
        TELEGRAM.sendText(guest, "А парковка есть?");
        awaitMessageWith(host.id(), "А парковка есть?");
        BotMessage menu = ask(guest, "/housing");
        assertThat(menu.text()).contains("#" + talk + " · Арман", "◀ сюда уходят ваши сообщения");
        assertThat(pressForNext(guest, menu, "ho:quiet").text()).contains("снова вопросы боту");
        assertThat(ask(guest, "как получить иин").text()).contains("ИИН");
        assertThat(TELEGRAM.botMessages(host.id())).noneMatch(m -> m.text().contains("как получить иин"));
        assertThat(press(guest, menu, "ho:write:" + talk)).contains("Арман (#" + talk + ")");
        TELEGRAM.sendText(guest, "Снова пишу хозяину");
        awaitMessageWith(host.id(), "Снова пишу хозяину");

        // a host with two guests answers the one whose message they reply to
        EmulatedUser second = newUser("ru");
        long secondTalk = requestAndAccept(host, second, offer, today.plusDays(5), today.plusDays(6), 1);
        TELEGRAM.sendText(second, "Я второй гость");
        awaitMessageWith(host.id(), "Я второй гость");
        BotMessage fromFirst = awaitMessageWith(host.id(), "Снова пишу хозяину");
        TELEGRAM.sendReply(host, host.id(), fromFirst.messageId(), "Это первому");
        awaitMessageWith(guest.id(), "Это первому");
        TELEGRAM.sendText(host, "И снова первому");
        awaitMessageWith(guest.id(), "И снова первому");
        assertThat(TELEGRAM.botMessages(second.id())).noneMatch(m -> m.text().contains("первому"));
        assertThat(ask(ADMIN, "/stats").text()).contains("🏠 Жильё: в поиске предложений");
        assertThat(secondTalk).isGreaterThan(talk);
    }

    @Test
    void hostCommandsAndButtonsAreRefusedToOthers() {
        EmulatedUser nobody = newUser("ru");
        BotMessage chat = ask(nobody, "/start");
        for (String command : List.of("/offer", "/myoffers", "/hostname Шпион")) {
            assertThat(ask(nobody, command).text()).as(command).contains("только для хозяев жилья");
        }
        for (String command : List.of("/hosts", "/hostinvite", "/addhost 1", "/removehost 1", "/blockhost 1")) {
            assertThat(ask(nobody, command).text()).as(command).startsWith("Не знаю такой команды");
        }
        assertThat(press(nobody, chat, "ho:o:pub")).contains("только для хозяев жилья");
        assertThat(press(nobody, chat, "ho:o:acc:1")).contains("только для хозяев жилья");
        assertThat(press(nobody, chat, "ho:end:1")).contains("больше не работает");
        assertThat(ask(nobody, "/start host_forged").text()).contains("недействительна");
        assertThat(ask(nobody, "/help").text()).contains("/housing").doesNotContain("/offer");

        EmulatedUser host = host("Сауле");
        assertThat(ask(host, "/start " + invite()).text()).contains("Вы уже хозяин");
        assertThat(ask(host, "/help").text()).contains("Для хозяев жилья", "/offer", "/myoffers", "/hostname");
        assertThat(ask(host, "/hostname").text()).contains("«Сауле»");
        assertThat(ask(host, "/hostname " + "я".repeat(65)).text()).contains("до 64 знаков");
        assertThat(ask(ADMIN, "/hosts").text()).contains("Сауле · id " + host.id());
        assertThat(ask(ADMIN, "/addhost " + host.id()).text()).contains("уже хозяин");
        assertThat(ask(ADMIN, "/addhost Сауле").text()).contains("/addhost 123456789");
        long offer = publish(host, offerUntilPreview(host, 0, "BED", "1", today(), today().plusDays(3), null,
                "Койка для проверки ролей"));
        assertThat(ask(ADMIN, "/removehost " + host.id()).text()).contains("больше не хозяин; закрыто предложений: 1");
        awaitMessageWith(host.id(), "больше не хозяин жилья");
        assertThat(status(offer)).isEqualTo("CLOSED");
        assertThat(ask(host, "/offer").text()).contains("только для хозяев жилья");
    }

    @Test
    void hostsChangePauseAndAnswerWhileGuestsMayWithdraw() {
        EmulatedUser host = newUser("ru");
        ask(host, "/start");
        roster.enlist(host.id(), "Гульнара");
        LocalDate today = today();
        long offer = insertOffer(host.id(), "Костанай", today, today.plusDays(20));

        BotMessage mine = ask(host, "/myoffers");
        assertThat(mine.text()).contains("(1 из 3)", "#" + offer + " · Комната · Костанай", "🟢 в поиске");
        // a change left in the middle is not a draft to keep: the bot says its changes were not saved
        assertThat(pressForNext(host, mine, "ho:o:edit:" + offer).text()).contains("Что изменить");
        int before = TELEGRAM.botMessages(host.id()).size();
        TELEGRAM.sendText(host, "/myoffers");
        assertThat(TELEGRAM.awaitBotMessages(host.id(), before + 2, WAIT).get(before).text())
                .isEqualTo("Изменения предложения #" + offer + " не сохранены, само предложение осталось как было.");
        assertThat(aside(host)).isEmpty();
        BotMessage change = pressForNext(host, mine, "ho:o:edit:" + offer);
        assertThat(change.text()).contains("Что изменить в предложении #" + offer);
        BotMessage price = pressForNext(host, change, "ho:o:chg:price");
        assertThat(price.text()).contains("Сколько это стоит?");
        BotMessage preview = ask(host, "2000 тенге в месяц");
        assertThat(preview.text()).contains("Так ваше предложение увидят люди", "2000 KZT в месяц", "#" + offer);
        assertThat(preview.button("Сохранить")).isPresent();
        assertThat(pressForNext(host, preview, "ho:o:pub").text()).contains("Предложение #" + offer + " сохранено");
        assertThat(jdbc.sql("select price || ' ' || price_per from housing_offer where id = ?").param(offer)
                .query(String.class).single()).isEqualTo("2000 MONTH");

        assertThat(press(host, mine, "ho:o:pause:" + offer)).contains("на паузе");
        assertThat(status(offer)).isEqualTo("PAUSED");
        assertThat(search(newUser("ru"), 6, today).text()).doesNotContain("#" + offer);
        assertThat(press(host, mine, "ho:o:resume:" + offer)).contains("снова в поиске");
        assertThat(status(offer)).isEqualTo("LIVE");

        EmulatedUser declined = newUser("ru");
        long first = request(declined, offer, today.plusDays(1), today.plusDays(2), 1);
        BotMessage firstAsked = awaitMessageWith(host.id(), "Запрос #" + first);
        assertThat(press(host, firstAsked, "ho:o:dec:" + first)).contains("отклонён");
        awaitMessageWith(declined.id(), "не может принять вас (запрос #" + first + ")");
        assertThat(press(host, firstAsked, "ho:o:acc:" + first)).contains("уже не ждёт ответа");

        EmulatedUser withdrawing = newUser("ru");
        long second = request(withdrawing, offer, today.plusDays(3), today.plusDays(4), 1);
        BotMessage secondAsked = awaitMessageWith(host.id(), "Запрос #" + second);
        BotMessage menu = ask(withdrawing, "/housing");
        assertThat(menu.text()).contains("#" + second, "ждёт ответа хозяина");
        assertThat(pressForNext(withdrawing, menu, "ho:wd:" + second).text()).contains("Запрос #" + second + " отозван");
        awaitMessageWith(host.id(), "Гость #" + second + " отозвал(а) запрос #" + second);
        assertThat(press(host, secondAsked, "ho:o:acc:" + second)).contains("уже не ждёт ответа");
        assertThat(press(withdrawing, menu, "ho:wd:" + second)).contains("уже не ждёт ответа");
        assertThat(press(declined, TELEGRAM.botMessages(declined.id()).get(0), "ho:o:acc:" + second))
                .as("a guest is no host").contains("только для хозяев жилья");
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** A host approved through an invitation link, with the name guests see. */
    private EmulatedUser host(String name) {
        EmulatedUser user = newUser("ru");
        assertThat(ask(user, "/start " + invite()).text()).contains("Теперь вы хозяин");
        assertThat(ask(user, "/hostname " + name).text()).contains("Сохранено");
        return user;
    }

    private static String invite() {
        Matcher code = Pattern.compile("start=(host_[A-Za-z0-9_-]+)").matcher(ask(ADMIN, "/hostinvite").text());
        assertThat(code.find()).isTrue();
        return code.group(1);
    }

    /** Through the offer dialogue in Kazakhstan, up to the preview; {@code price} null for free. */
    private BotMessage offerUntilPreview(EmulatedUser host, int city, String kind, String people, LocalDate from,
                                         LocalDate to, String price, String description) {
        BotMessage country = ask(host, "/offer");
        BotMessage cities = pressForNext(host, country, "ho:o:c:KZ");
        BotMessage kinds = pressForNext(host, cities, "ho:o:city:KZ:" + city);
        pressForNext(host, kinds, "ho:o:kind:" + kind);
        ask(host, people);
        BotMessage priceQuestion = ask(host, typed(from) + " – " + typed(to));
        assertThat(priceQuestion.text()).contains("Сколько это стоит?");
        BotMessage conditions = price == null ? pressForNext(host, priceQuestion, "ho:o:free") : ask(host, price);
        pressForNext(host, conditions, "ho:o:next");
        return ask(host, description);
    }

    private long publish(EmulatedUser host, BotMessage preview) {
        return number(pressForNext(host, preview, "ho:o:pub").text(), "Предложение #(\\d+) опубликовано");
    }

    /** A search in Kazakhstan's city {@code city} for tomorrow and the day after, one person. */
    private BotMessage search(EmulatedUser guest, int city, LocalDate today) {
        BotMessage country = ask(guest, "/housing");
        BotMessage cities = pressForNext(guest, country, "ho:s:c:KZ");
        pressForNext(guest, cities, "ho:s:city:KZ:" + city);
        BotMessage people = ask(guest, typed(today.plusDays(1)) + " – " + typed(today.plusDays(2)));
        return pressForNext(guest, people, "ho:s:p:1");
    }

    private static String requestAction(long offer, LocalDate from, LocalDate to, int people) {
        return "ho:req:" + offer + ":" + BUTTON.format(from) + ":" + BUTTON.format(to) + ":" + people;
    }

    /** A request as the button under an offer sends it, with a message; its number. */
    private long request(EmulatedUser guest, long offer, LocalDate from, LocalDate to, int people) {
        List<BotMessage> chat = TELEGRAM.botMessages(guest.id());
        BotMessage any = chat.isEmpty() ? ask(guest, "/start") : chat.get(0);
        BotMessage write = pressForNext(guest, any, requestAction(offer, from, to, people));
        assertThat(write.text()).contains("Напишите хозяину");
        return number(ask(guest, "Здравствуйте, можно к вам?").text(), "Запрос #(\\d+) отправлен");
    }

    private long requestAndAccept(EmulatedUser host, EmulatedUser guest, long offer, LocalDate from, LocalDate to,
                                  int people) {
        long number = request(guest, offer, from, to, people);
        BotMessage asked = awaitMessageWith(host.id(), "Запрос #" + number);
        press(host, asked, "ho:o:acc:" + number);
        awaitMessageWith(guest.id(), "принял(а) ваш запрос #" + number);
        awaitMessageWith(host.id(), "Вы приняли запрос #" + number);
        return number;
    }

    /** An offer as the dialogue would have written it: a room in a city of Kazakhstan for two, free. */
    private long insertOffer(long hostId, String city, LocalDate from, LocalDate to) {
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into housing_offer (host_id, country, city, kind, people, date_from, date_to, children, pets, "
                        + "smoking, description, status, created_at) values (?, 'KZ', ?, 'ROOM', 2, ?, ?, true, "
                        + "false, false, 'Комната', 'LIVE', ?)")
                .params(hostId, city, from, to, LocalDateTime.now(clock)).update(key, "id");
        return key.getKey().longValue();
    }

    private static BotMessage pressForNext(EmulatedUser user, BotMessage message, String data) {
        int before = TELEGRAM.botMessages(user.id()).size();
        press(user, message, data);
        return TELEGRAM.awaitBotMessages(user.id(), before + 1, WAIT).get(before);
    }

    private Map<String, Object> draft(EmulatedUser user) {
        return jdbc.sql("select * from housing_step where user_id = ?").param(user.id()).query().listOfRows().stream()
                .findFirst().orElse(Map.of());
    }

    private Map<String, Object> aside(EmulatedUser user) {
        return jdbc.sql("select * from housing_offer_aside where user_id = ?").param(user.id()).query().listOfRows()
                .stream().findFirst().orElse(Map.of());
    }

    private String status(long offer) {
        return jdbc.sql("select status from housing_offer where id = ?").param(offer).query(String.class).single();
    }

    private int requestsOf(EmulatedUser guest) {
        return jdbc.sql("select count(*) from housing_request where guest_id = ?").param(guest.id())
                .query(Integer.class).single();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Asia/Almaty")));
    }

    private static String typed(LocalDate day) {
        return TYPED.format(day);
    }

    private static long number(String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** Once the last message to them (the confirmation) has left the outbox, no row anywhere has their id. */
    private void assertNothingMentions(EmulatedUser user) {
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> rowsMentioning(user.id()).isEmpty());
        assertThat(rowsMentioning(user.id())).isEmpty();
    }

    /** Every BIGINT column of every table, searched for the id: "table.column" to the number of rows. */
    private Map<String, Integer> rowsMentioning(long userId) {
        List<String> columns = jdbc.sql("select table_name || '.' || column_name from information_schema.columns "
                + "where table_schema = 'PUBLIC' and data_type = 'BIGINT' and table_name <> 'flyway_schema_history'")
                .query(String.class).list();
        assertThat(columns).contains("HOUSING_OFFER.HOST_ID", "HOUSING_REQUEST.GUEST_ID", "HOUSING_PAIR.SENDER_CHAT",
                "HOUSING_REPORT.REPORTER_ID", "HOUSING_HOST.USER_ID", "HOUSING_FOCUS.USER_ID");
        Map<String, Integer> found = new java.util.TreeMap<>();
        for (String column : columns) {
            String[] parts = column.split("\\.");
            int rows = jdbc.sql("select count(*) from \"" + parts[0] + "\" where \"" + parts[1] + "\" = ?")
                    .param(userId).query(Integer.class).single();
            if (rows > 0) {
                found.put(column, rows);
            }
        }
        return found;
    }
}
