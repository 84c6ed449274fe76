package org.relohelp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.relohelp.RelohelpApplication;

/**
 * The sandbox as a newcomer meets it: the program started without a token, its page opened in headless
 * Chromium, and a refugee's first conversation clicked through. Screenshots go to target/ for review.
 * Needs Debian's chromium and chromium-driver, which .ci/run installs; elsewhere it is skipped.
 */
class SandboxBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void aRefugeeTalksToTheBotInTheBrowser() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        assertThat(installed || System.getenv("CI") == null).as("CI installs chromium and chromium-driver").isTrue();
        assumeTrue(installed, "chromium and chromium-driver are not installed");

        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "sandbox-data-");
        int port = freePort();
        Process bot = startWithoutToken(data, port);
        WebDriver browser = null;
        try {
            String page = "http://127.0.0.1:" + port + "/";
            awaitPage(page, bot);
            browser = chromium(data);
            browser.get(page);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            WebElement chat = browser.findElement(By.cssSelector("[data-pane=refugee]"));

            write(chat, "/start");
            WebElement kazakhstan = wait.until(d -> button(chat, "Казахстан"));
            kazakhstan.click();
            wait.until(d -> chat.getText().contains("Страна: 🇰🇿 Казахстан") && chat.getText().contains("Запомнил"));

            write(chat, "как получить иин");
            wait.until(d -> chat.getText().contains("Источники:") && chat.getText().contains("Сведения от"));
            button(chat, "Помогло").click();
            wait.until(d -> chat.getText().contains("Спасибо за отзыв"));
            wait.until(d -> button(chat, "✅ Помогло") != null);

            button(chat, "Спросить волонтёра").click();
            wait.until(d -> chat.getText().contains("Опишите коротко"));
            write(chat, "В ЦОНе просят справку, которой у меня нет");
            wait.until(d -> chat.getText().contains("создана"));
            WebElement group = browser.findElement(By.cssSelector("[data-pane=group]"));
            WebElement take = wait.until(d -> button(group, "Взять"));
            take.click();
            wait.until(d -> group.getText().contains("взял(а) Вера"));
            WebElement volunteer = browser.findElement(By.cssSelector("[data-pane=volunteer]"));
            wait.until(d -> volunteer.getText().contains("Гость #") && volunteer.getText().contains("справку"));
            write(volunteer, "Здравствуйте! Какую справку просят?");
            wait.until(d -> chat.getText().contains("Какую справку просят?"));
            assertThat(volunteer.getText()).doesNotContain("Анна");

            WebElement admin = browser.findElement(By.cssSelector("[data-pane=admin]"));
            write(admin, "/volunteers");
            wait.until(d -> admin.getText().contains("Вера"));

            screenshot(browser, Path.of("target/sandbox.png"));
            browser.manage().window().setSize(new Dimension(390, 844));
            wait.until(d -> d.findElement(By.cssSelector(".tabs")).isDisplayed());
            screenshot(browser, Path.of("target/sandbox-phone.png"));
        } finally {
            if (browser != null) {
                browser.quit();
            }
            bot.destroy();
            assertThat(bot.waitFor(15, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(data.resolve("sandbox")).isDirectory();
    }

    private static Process startWithoutToken(Path data, int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RelohelpApplication.class.getName())
                .directory(new File(".")).redirectErrorStream(true).redirectOutput(data.resolve("bot.log").toFile());
        builder.environment().remove("TELEGRAM_BOT_TOKEN");
        builder.environment().put("RELOHELP_DATA_DIR", data.toString());
        builder.environment().put("RELOHELP_MANAGEMENT_PORT", "0");
        builder.environment().put("RELOHELP_SANDBOX_PORT", String.valueOf(port));
        return builder.start();
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

    private static void write(WebElement chat, String text) {
        chat.findElement(By.cssSelector(".composer .text")).sendKeys(text, Keys.ENTER);
    }

    private static WebElement button(WebElement chat, String label) {
        return chat.findElements(By.cssSelector(".keyboard button")).stream()
                .filter(b -> b.getText().contains(label)).findFirst().orElse(null);
    }

    private static void screenshot(WebDriver browser, Path file) throws IOException {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
