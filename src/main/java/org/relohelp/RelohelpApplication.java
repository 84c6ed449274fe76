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
        SpringApplication app = new SpringApplication(RelohelpApplication.class);
        app.addListeners(new SandboxLauncher());
        app.run(args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
