package org.relohelp.telegram;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relohelp.RelohelpApplication;
import org.relohelp.emulator.BotApiEmulator;

/** The program in its own process, configured only through the environment, its output in a log file. */
final class BotProcess {

    private BotProcess() {
    }

    static Process start(String token, BotApiEmulator telegram, Path data, String logFile) throws IOException {
        return start(token, telegram, data, logFile, Map.of());
    }

    /** With more environment variables (a database, webhook mode, an instance id). */
    static Process start(String token, BotApiEmulator telegram, Path data, String logFile, Map<String, String> more)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RelohelpApplication.class.getName())
                .directory(new File(".")).redirectErrorStream(true).redirectOutput(data.resolve(logFile).toFile());
        builder.environment().put("TELEGRAM_BOT_TOKEN", token);
        builder.environment().put("TELEGRAM_API_URL", telegram.url());
        builder.environment().put("RELOHELP_DATA_DIR", data.toString());
        builder.environment().put("RELOHELP_MANAGEMENT_PORT", "0");
        builder.environment().putAll(more);
        return builder.start();
    }

    /**
     * The packaged jar, {@code java -jar target/relohelp.jar} run in {@code folder} as an operator would install it
     * elsewhere, with only the environment given (no data folder: the default, {@code ./data} in that folder).
     */
    static Process startJar(Path folder, Map<String, String> environment, String logFile) throws IOException {
        return startJar(folder, environment, logFile, "-jar", Path.of("target", "relohelp.jar").toAbsolutePath()
                .toString());
    }

    /** The JVM options the Docker image runs the bot with: its {@code RELOHELP_JVM}. */
    static List<String> imageJvmOptions() throws IOException {
        Matcher options = Pattern.compile("RELOHELP_JVM=\"([^\"]+)\"")
                .matcher(Files.readString(Path.of("Dockerfile")));
        if (!options.find()) {
            throw new IllegalStateException("the Dockerfile sets no RELOHELP_JVM");
        }
        return List.of(options.group(1).strip().split("\\s+"));
    }

    /**
     * {@code bin/prepare-start target/relohelp.jar dest options…}, with this JVM's {@code java} first on the path:
     * the jar extracted into {@code dest} and its class data recorded, as the Docker image does.
     */
    static ProcessBuilder prepareStart(Path dest, List<String> options) {
        List<String> command = new ArrayList<>(List.of("bin/prepare-start",
                "target/relohelp.jar", dest.toString()));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator
                + System.getenv("PATH"));
        return builder;
    }

    /** The same with other arguments for {@code java} ({@code -XX:SharedArchiveFile=… -jar …}). */
    static Process startJar(Path folder, Map<String, String> environment, String logFile, String... arguments)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(folder.resolve(logFile).toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("TELEGRAM_") || name.startsWith("RELOHELP_")
                || name.startsWith("SPRING_"));
        builder.environment().putAll(environment);
        return builder.start();
    }
}
