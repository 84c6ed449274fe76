package org.relohelp.cluster;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class ClusterConfig {

    /**
     * A lease only in webhook mode: with long polling Telegram serves one getUpdates at a time, so there is one
     * instance and the lease would only cost queries. Read from the property rather than from the telegram
     * package's settings, which depend on this package. The lease runs on the database's clock, not this
     * instance's.
     */
    @Bean
    Leadership leadership(Environment environment, LeaderLease lease, ClusterProperties properties, JdbcClient jdbc,
                          ApplicationEventPublisher events) {
        String webhook = environment.getProperty("relohelp.telegram.webhook.url", "");
        if (webhook.isBlank()) {
            return new AlwaysLeader(events);
        }
        return new LeaseKeeper(lease, properties, new DatabaseClock(jdbc), events);
    }
}
