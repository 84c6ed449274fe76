package org.relohelp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sandbox as a newcomer meets it: the program started without a token, its page opened in headless
 * Chromium, and the main journeys clicked through on a desktop window (all four chats side by side) and on a
 * phone-width one (one chat at a time, behind tabs): the first-visit hint and Start, country, question, answer,
 * "Ask a volunteer", Take in the group, the volunteer's answer, multi-line messages, a reply (/savekb), the host's
 * offer found, asked for and answered (housing), the chosen people after a reload, and another site's page failing to drive it; then the group as a forum, with a topic made
 * through the emulator's Bot API. Screenshots go to target/ for review.
 * Needs Debian's chromium and chromium-driver, which .ci/run installs; elsewhere it is skipped.
 */
class SandboxBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private WebDriver browser;
    private WebDriverWait wait;

    @Test
    void aNewcomerTriesTheSandboxOnADesktopAndOnAPhone() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        assertThat(installed || System.getenv("CI") == null).as("CI installs chromium and chromium-driver").isTrue();
        assumeTrue(installed, "chromium and chromium-driver are not installed");

        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "sandbox-data-");
        int port = freePort();
        int botApiPort = freePort();
        Process bot = startWithoutToken(data, port, botApiPort);
        try {
            String page = "http://127.0.0.1:" + port + "/";
            awaitPage(page, bot);
            browser = chromium(data);
            wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            wait.ignoring(StaleElementReferenceException.class);
            browser.get(page);
            onADesktop();
            screenshot(Path.of("target/sandbox.png"));
            aHostOffersAPlaceAndAGuestFindsIt();
            onAPhone();
            screenshot(Path.of("target/sandbox-phone.png"));
            anotherSitesPageCannotDriveIt(port);
            theChosenPeopleSurviveAReload(page);
            theGroupAsAForum(page, "http://127.0.0.1:" + botApiPort + "/bot" + SandboxLauncher.TOKEN + "/");
        } finally {
            if (browser != null) {
                browser.quit();
            }
            bot.destroy();
            assertThat(bot.waitFor(15, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(data.resolve("sandbox")).isDirectory();
    }

    /** All four chats side by side: Анна asks, Вера takes her ticket, answers in two lines and saves the answer. */
    private void onADesktop() {
        WebElement chat = pane("refugee");
        assertThat(text(chat)).contains("Что умеет этот бот?", "Нажмите «Запустить»");
        assertThat(chat.findElement(By.cssSelector(".composer")).isDisplayed()).isFalse();
        assertThat(text(pane("volunteer"))).contains("/savekb");
        assertThat(text(pane("group"))).contains("Взять");
        assertThat(text(pane("admin"))).contains("/admin");

        WebElement start = chat.findElement(By.cssSelector(".start"));
        assertThat(start.getText()).isEqualToIgnoringCase("Запустить");
        start.click();
        wait.until(d -> text(chat).contains("/start") && !text(chat).contains("Что умеет этот бот?"));
        press(chat, "Казахстан");
        wait.until(d -> text(chat).contains("Страна: 🇰🇿 Казахстан") && text(chat).contains("Запомнил"));

        write(chat, "как получить иин");
        wait.until(d -> text(chat).contains("Источники:") && text(chat).contains("Сведения от") && text(chat).contains("с источниками"));
        watchToasts();
        press(chat, "Помогло");
        wait.until(d -> toastsSeen().contains("Спасибо за отзыв"));
        // the vote shows in its row, and can be changed
        wait.until(d -> button(chat, "✅ Помогло") != null && button(chat, "👎 Не помогло") != null);

        press(chat, "Спросить волонтёра");
        wait.until(d -> text(chat).contains("Передать волонтёрам ваш вопрос?")); // or write another:
        write(chat, "В ЦОНе просят справку,", "которой у меня нет");
        wait.until(d -> text(chat).contains("создана"));
        assertThat(lastMine(chat).findElement(By.cssSelector(".text")).getText())
                .isEqualTo("В ЦОНе просят справку,\nкоторой у меня нет");
        WebElement group = pane("group");
        press(group, "Взять");
        wait.until(d -> text(group).contains("взял(а) Вера"));
        WebElement volunteer = pane("volunteer");
        wait.until(d -> text(volunteer).contains("Гость #") && text(volunteer).contains("справку,\nкоторой у меня нет"));
        write(volunteer, "Здравствуйте!", "Какую справку просят?");
        wait.until(d -> text(chat).contains("Здравствуйте!\nКакую справку просят?"));
        assertThat(text(volunteer)).doesNotContain("Анна");

        replyTo(volunteer, lastMine(volunteer), "/savekb");
        wait.until(d -> text(volunteer).contains("Сохранено как черновик #"));
        WebElement saved = lastMine(volunteer);
        assertThat(saved.findElement(By.cssSelector(".quote")).getText()).contains("Здравствуйте! Какую справку просят?");
        assertThat(saved.findElement(By.cssSelector(".text")).getText()).isEqualTo("/savekb");

        WebElement admin = pane("admin");
        write(admin, "/volunteers");
        wait.until(d -> text(admin).contains("Вера"));
    }

    /**
     * Тимур, the sandbox's host, chosen in the volunteer's pane, offers a room; Максим finds it, asks for it, is
     * accepted, and the two write to each other through the bot without seeing each other's account.
     */
    private void aHostOffersAPlaceAndAGuestFindsIt() throws IOException {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Almaty"));
        java.time.format.DateTimeFormatter typed = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");
        WebElement host = pane("volunteer");
        choose(host, "Тимур");
        wait.until(d -> text(host).contains("Тимур — хозяин жилья"));
        write(host, "/offer");
        press(host, "Казахстан");
        press(host, "Алматы");
        press(host, "Комната");
        wait.until(d -> text(host).contains("На сколько человек?"));
        write(host, "2");
        wait.until(d -> text(host).contains("С какого по какое число?"));
        write(host, "сегодня – " + typed.format(today.plusDays(10)));
        press(host, "Бесплатно");
        press(host, "Дальше");
        wait.until(d -> text(host).contains("Коротко опишите жильё"));
        write(host, "Комната у метро, есть Wi-Fi");
        wait.until(d -> text(host).contains("Так ваше предложение увидят люди"));
        press(host, "Опубликовать");
        wait.until(d -> text(host).contains("опубликовано"));

        WebElement chat = pane("refugee");
        choose(chat, "Максим");
        wait.until(d -> chat.findElement(By.cssSelector(".start")).isDisplayed());
        chat.findElement(By.cssSelector(".start")).click();
        press(chat, "Казахстан");
        wait.until(d -> text(chat).contains("Запомнил"));
        write(chat, "/housing");
        press(chat, "Алматы");
        wait.until(d -> text(chat).contains("с какого по какое число"));
        write(chat, "завтра – " + typed.format(today.plusDays(3)));
        wait.until(d -> text(chat).contains("Сколько вас?"));
        press(chat, "1");
        wait.until(d -> text(chat).contains("Нашлось") && text(chat).contains("Хозяин одобрен волонтёрами"));
        press(chat, "Запросить");
        wait.until(d -> text(chat).contains("Напишите хозяину"));
        write(chat, "Здравствуйте! Можно на две ночи?");
        wait.until(d -> text(chat).contains("отправлен хозяину"));
        wait.until(d -> text(host).contains("Можно на две ночи?"));
        press(host, "Принять");
        wait.until(d -> text(chat).contains("Тимур принял(а) ваш запрос"));
        write(chat, "Во сколько можно заехать?");
        wait.until(d -> text(host).contains("Во сколько можно заехать?"));
        write(host, "После шести");
        wait.until(d -> text(chat).contains("Тимур, хозяин:") && text(chat).contains("После шести"));
        assertThat(text(host)).doesNotContain("Максим");
        screenshot(Path.of("target/sandbox-housing.png"));
        choose(host, "Вера");
        choose(chat, "Анна");
    }

    /**
     * One chat at a time: Emma (in English) asks and hands her question to a volunteer; the group and Вера's chat,
     * reached by their tabs, show how many messages came meanwhile and open at the newest one; Вера answers Emma by
     * replying to her ticket's message, as a volunteer with two tickets does.
     */
    private void onAPhone() {
        browser.manage().window().setSize(new Dimension(390, 844));
        wait.until(d -> d.findElement(By.cssSelector(".tabs")).isDisplayed());
        WebElement chat = pane("refugee");
        assertThat(pane("group").isDisplayed()).isFalse();
        choose(chat, "Emma");
        wait.until(d -> text(chat).contains("What can this bot do?"));
        WebElement start = chat.findElement(By.cssSelector(".start"));
        assertThat(start.getText()).isEqualToIgnoringCase("Start");
        start.click();
        press(chat, "Georgia");
        wait.until(d -> text(chat).contains("Country: 🇬🇪 Georgia"));
        write(chat, "how to get a personal number");
        wait.until(d -> text(chat).contains("Sources:"));
        assertThat(atTheNewestMessage(chat)).isTrue();
        press(chat, "Ask a volunteer");
        wait.until(d -> text(chat).contains("Send your question to the volunteers?"));
        write(chat, "The public service hall wants a paper I do not have");
        wait.until(d -> text(chat).contains("Request #") && text(chat).contains("created"));

        wait.until(d -> unread("group").equals("1"));
        tab("group");
        assertThat(unread("group")).isEmpty();
        WebElement group = pane("group");
        assertThat(chat.isDisplayed()).isFalse();
        assertThat(atTheNewestMessage(group)).isTrue();
        press(group, "Взять");
        wait.until(d -> text(group).contains("взял(а) Вера") && !text(group).contains("Взять"));

        wait.until(d -> !unread("volunteer").isEmpty() && !unread("refugee").isEmpty());
        tab("volunteer");
        WebElement volunteer = pane("volunteer");
        assertThat(atTheNewestMessage(volunteer)).isTrue();
        WebElement ticket = volunteer.findElements(By.cssSelector(".msg.bot")).stream()
                .filter(m -> m.getText().contains("wants a paper")).reduce((first, last) -> last).orElseThrow();
        replyTo(volunteer, ticket, "Hello! Which paper do they want?");
        wait.until(d -> lastMine(volunteer).findElements(By.cssSelector(".quote")).size() == 1);

        wait.until(d -> unread("refugee").equals("2"));
        tab("refugee");
        wait.until(d -> text(chat).contains("Hello! Which paper do they want?"));
        assertThat(atTheNewestMessage(chat)).isTrue();
        assertThat(chat.findElement(By.cssSelector(".messages")).getText()).doesNotContain("Анна");
        onATouchScreen(chat);
    }

    /** As in Telegram's apps: on a touch screen Enter starts a new line and ➤ sends (Enter sent each line alone). */
    private void onATouchScreen(WebElement chat) {
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
        try {
            assertThat(script("return matchMedia('(pointer: coarse)').matches")).isEqualTo(true);
            int sent = chat.findElements(By.cssSelector(".msg.mine")).size();
            WebElement input = chat.findElement(By.cssSelector(".composer .text"));
            input.sendKeys("It is a certificate", Keys.ENTER, "from my landlord");
            assertThat(input.getAttribute("value")).isEqualTo("It is a certificate\nfrom my landlord");
            assertThat(chat.findElements(By.cssSelector(".msg.mine"))).hasSize(sent);
            chat.findElement(By.cssSelector(".composer .send")).click();
            wait.until(d -> chat.findElements(By.cssSelector(".msg.mine")).size() == sent + 1);
            assertThat(lastMine(chat).findElement(By.cssSelector(".text")).getText())
                    .isEqualTo("It is a certificate\nfrom my landlord");
        } finally {
            chrome.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
        }
    }

    /** A page of another origin posts a form and fetches at the sandbox's API: nothing reaches the bot. */
    private void anotherSitesPageCannotDriveIt(int port) throws IOException {
        String api = "http://127.0.0.1:" + port + "/api/send";
        String emma = String.valueOf(SandboxPeople.EMMA.id());
        String json = "{\"personId\":\"" + emma + "\",\"chatId\":\"" + emma + "\",\"text\":\"forged\"}";
        String evil = "<!doctype html><title>evil</title><form id=f method=post enctype=text/plain action=\"" + api
                + "\"><input name='" + json.replace("\"}", "\",\"x\":\"") + "' value='\"}'></form><script>"
                + "const body = '" + json + "';"
                + "Promise.allSettled([fetch('" + api + "', {method: 'POST', mode: 'no-cors', body}),"
                + " fetch('" + api + "', {method: 'POST', headers: {'Content-Type': 'application/json'}, body})])"
                + ".then(r => { document.title = r.map(x => x.status).join(); document.getElementById('f').submit(); });"
                + "</script>";
        HttpServer site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/", exchange -> {
            byte[] bytes = evil.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        site.start();
        try {
            browser.get("http://127.0.0.1:" + site.getAddress().getPort() + "/");
            wait.until(d -> d.getCurrentUrl().startsWith(api));
            assertThat(browser.getPageSource()).contains("only the sandbox page itself");
        } finally {
            site.stop(0);
        }
    }

    /** The refugee and the group's writer chosen before, the tab too; and the forged message never arrived. */
    private void theChosenPeopleSurviveAReload(String page) {
        browser.get(page);
        tab("group");
        choose(pane("group"), "Админ");
        tab("refugee");
        browser.navigate().refresh();
        WebElement chat = pane("refugee");
        wait.until(d -> text(chat).contains("Hello! Which paper do they want?"));
        assertThat(browser.findElement(By.cssSelector(".tabs .active")).getText()).startsWith("Беженец");
        assertThat(new Select(chat.findElement(By.cssSelector("select.who"))).getFirstSelectedOption().getText())
                .startsWith("Emma");
        tab("group");
        assertThat(new Select(pane("group").findElement(By.cssSelector("select.who"))).getFirstSelectedOption()
                .getText()).startsWith("Админ");
        assertThat((String) script("return JSON.stringify([...state.chats.values()].map(c => [...c.values()]))"))
                .contains("Hello! Which paper do they want?").doesNotContain("forged");
    }

    /**
     * The group's owner turns topics on: the pane lists them, General first; a topic the bot makes through the Bot
     * API appears with the bot's message in it, opens, and what Вера writes there reaches the emulator in that topic;
     * the messages from before are in General; a closed topic takes no input, a deleted one leaves the list.
     */
    private void theGroupAsAForum(String page, String botApi) throws Exception {
        browser.manage().window().setSize(new Dimension(1600, 1000));
        WebElement group = pane("group");
        wait.until(d -> group.isDisplayed());
        assertThat(group.findElements(By.cssSelector(".topic"))).isEmpty();
        group.findElement(By.cssSelector(".enable-topics")).click();
        wait.until(d -> topicNames(group).equals(List.of("General")));
        assertThat(group.findElement(By.cssSelector(".enable-topics")).isDisplayed()).isFalse();

        String chat = "\"chat_id\":" + SandboxPeople.VOLUNTEER_GROUP;
        int thread = bot(botApi, "createForumTopic", "{" + chat + ",\"name\":\"Заявка #1\"}")
                .path("message_thread_id").asInt();
        bot(botApi, "sendMessage", "{" + chat + ",\"message_thread_id\":" + thread + ",\"text\":\"Гость ждёт\"}");
        wait.until(d -> topicNames(group).equals(List.of("General", "Заявка #1"))
                && topic(group, "Заявка #1").getText().contains("Гость ждёт"));
        topic(group, "Заявка #1").click();
        wait.until(d -> group.findElement(By.cssSelector(".title")).getText().equals("Заявка #1")
                && text(group).contains("Гость ждёт"));
        assertThat(text(group)).doesNotContain("взял(а) Вера");
        choose(group, "Вера");
        write(group, "Беру, отвечу в личке");
        wait.until(d -> group.findElements(By.cssSelector(".msg.mine")).stream()
                .anyMatch(m -> m.getText().contains("Беру, отвечу в личке")));
        JsonNode written = events(page).stream().filter(e -> e.path("text").asText().equals("Беру, отвечу в личке"))
                .findFirst().orElseThrow();
        assertThat(written.path("threadId").asInt()).isEqualTo(thread);
        assertThat(written.path("sender").asText()).startsWith("Вера");

        group.findElement(By.cssSelector(".back")).click();
        topic(group, "General").click();
        wait.until(d -> text(group).contains("взял(а) Вера") && !text(group).contains("Гость ждёт"));
        group.findElement(By.cssSelector(".back")).click();

        bot(botApi, "closeForumTopic", "{" + chat + ",\"message_thread_id\":" + thread + "}");
        wait.until(d -> topic(group, "Заявка #1").getText().contains("🔒"));
        screenshot(Path.of("target/sandbox-topics.png"));
        topic(group, "Заявка #1").click();
        wait.until(d -> group.findElement(By.cssSelector(".closed-note")).isDisplayed());
        assertThat(group.findElement(By.cssSelector(".composer")).isDisplayed()).isFalse();
        bot(botApi, "deleteForumTopic", "{" + chat + ",\"message_thread_id\":" + thread + "}");
        wait.until(d -> topicNames(group).equals(List.of("General")));
    }

    private static List<String> topicNames(WebElement group) {
        return group.findElements(By.cssSelector(".topic .name")).stream().map(WebElement::getText).toList();
    }

    private static WebElement topic(WebElement group, String name) {
        return group.findElements(By.cssSelector(".topic")).stream()
                .filter(t -> t.findElement(By.cssSelector(".name")).getText().startsWith(name)).findFirst()
                .orElseThrow();
    }

    /** A call to the emulator's Bot API, as the bot makes it; returns the result. */
    private static JsonNode bot(String botApi, String method, String json) throws Exception {
        String answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(botApi + method))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        JsonNode result = new ObjectMapper().readTree(answer);
        assertThat(result.path("ok").asBoolean()).as(method + ": " + answer).isTrue();
        return result.path("result");
    }

    /** Everything the emulator holds, as the page reads it. */
    private static List<JsonNode> events(String page) throws Exception {
        String answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(page
                + "api/events?after=0&wait=0")).build(), HttpResponse.BodyHandlers.ofString()).body();
        List<JsonNode> events = new java.util.ArrayList<>();
        new ObjectMapper().readTree(answer).path("events").forEach(events::add);
        return events;
    }

    /** A chat's pane, once the page has built it (it does after its first answers from the sandbox). */
    private WebElement pane(String name) {
        return wait.until(d -> d.findElement(By.cssSelector("[data-pane=" + name + "]")));
    }

    private void tab(String name) {
        browser.findElement(By.cssSelector(".tabs [data-tab=" + name + "]")).click();
        wait.until(d -> pane(name).isDisplayed());
    }

    private String unread(String name) {
        return browser.findElement(By.cssSelector(".tabs [data-tab=" + name + "] .badge")).getText();
    }

    private void choose(WebElement chat, String person) {
        Select who = new Select(chat.findElement(By.cssSelector("select.who")));
        who.getOptions().stream().filter(o -> o.getText().startsWith(person)).findFirst().orElseThrow().click();
    }

    private boolean atTheNewestMessage(WebElement chat) {
        return (Boolean) script("const list = arguments[0].querySelector('.messages');"
                + "return list.scrollHeight - list.scrollTop - list.clientHeight < 2;", chat);
    }

    /** Types the lines with Shift+Enter between them, and sends them with Enter. */
    private static void write(WebElement chat, String... lines) {
        WebElement input = chat.findElement(By.cssSelector(".composer .text"));
        for (int i = 0; i < lines.length; i++) {
            input.sendKeys(lines[i], i < lines.length - 1 ? Keys.chord(Keys.SHIFT, Keys.ENTER) : Keys.ENTER);
        }
    }

    /** "Reply" on a message, as a mouse user finds it: the ↩ that shows next to a message under the pointer. */
    private void replyTo(WebElement chat, WebElement message, String text) {
        script("arguments[0].scrollIntoView({block: 'center'})", message);
        new Actions(browser).moveToElement(message).perform();
        message.findElement(By.cssSelector(".reply")).click();
        WebElement replying = chat.findElement(By.cssSelector(".replying"));
        assertThat(replying.isDisplayed()).isTrue();
        String quoted = message.findElement(By.cssSelector(".text")).getText().replaceAll("\\s+", " ");
        assertThat(quoted).startsWith(replying.findElement(By.cssSelector(".what")).getText().replace("…", ""));
        write(chat, text);
        wait.until(d -> !replying.isDisplayed());
    }

    private void press(WebElement chat, String label) {
        wait.until(d -> {
            WebElement button = button(chat, label);
            if (button == null) {
                return false;
            }
            button.click();
            return true;
        });
    }

    private static String text(WebElement chat) {
        return chat.getText();
    }

    private static WebElement lastMine(WebElement chat) {
        List<WebElement> mine = chat.findElements(By.cssSelector(".msg.mine"));
        return mine.get(mine.size() - 1);
    }

    /** The last button with this label (the newest message's). */
    private static WebElement button(WebElement chat, String label) {
        return chat.findElements(By.cssSelector(".keyboard button")).stream()
                .filter(b -> b.getText().contains(label)).reduce((first, last) -> last).orElse(null);
    }

    /**
     * A toast shows for a few seconds, as Telegram's do: on a busy machine a check of the page can miss it. The page
     * itself notes every toast that appears from now on.
     */
    private void watchToasts() {
        script("window.toastsSeen = [];"
                + "new MutationObserver(changes => changes.forEach(c => c.addedNodes.forEach(n => {"
                + "  if (n.classList && n.classList.contains('toast')) window.toastsSeen.push(n.textContent); })))"
                + ".observe(document.body, {childList: true, subtree: true});");
    }

    private String toastsSeen() {
        return String.valueOf(script("return (window.toastsSeen || []).join('\\n');"));
    }

    private Object script(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private void screenshot(Path file) throws IOException {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Process startWithoutToken(Path data, int port, int botApiPort) throws IOException {
        return SandboxProcessTest.sandbox(data, port, botApiPort).start();
    }

    private static void awaitPage(String page, Process bot) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertThat(bot.isAlive()).as("the bot is running").isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(page + "api/people")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        throw new AssertionError("the sandbox page did not come up at " + page);
    }

    private static WebDriver chromium(Path data) throws IOException {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1600,1000",
                "--user-data-dir=" + Files.createTempDirectory(data, "chromium-"));
        return new ChromeDriver(service, options);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
