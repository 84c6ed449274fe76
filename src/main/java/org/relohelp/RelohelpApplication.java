package org.relohelp;

import java.time.Clock;
import org.relohelp.sandbox.SandboxLauncher;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RelohelpApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /**
     * The program as {@code main} runs it: the mode (the sandbox without a token) and the knowledge folder are
     * chosen before anything starts; the sandbox first, as it moves the data folder.
     */
    public static SpringApplication application() {
        SpringApplication app = new SpringApplication(RelohelpApplication.class);
        app.addListeners(new SandboxLauncher(), new KnowledgeFolder());
        return app;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
