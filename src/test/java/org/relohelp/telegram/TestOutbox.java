package org.relohelp.telegram;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.relohelp.chat.DeliveryReceipts;
import org.relohelp.cluster.ClusterProperties;
import org.relohelp.cluster.Leadership;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** The outbox and its dispatcher built by hand on a data source, for tests below the Spring context. */
final class TestOutbox {

    static final TelegramProperties PROPERTIES = new TelegramProperties(null, URI.create("http://127.0.0.1:1"),
            Duration.ofSeconds(50), Duration.ofSeconds(30), 1, 2, Duration.ofMillis(700),
            new TelegramProperties.Limits(30, 1, 20, 20, Duration.ofMillis(50)), 20, Duration.ofHours(6), 3, 400);

    private TestOutbox() {
    }

    static Outbox outbox(DataSource dataSource) {
        return new Outbox(JdbcClient.create(dataSource), new JdbcTemplate(dataSource), Clock.systemUTC());
    }

    static OutboxDispatcher dispatcher(DataSource dataSource, TelegramClient client, DeliveryReceipts... receipts) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        try {
            return new OutboxDispatcher(outbox(dataSource), new OutboxCalls(client, PROPERTIES, Clock.systemUTC()),
                    new DataSourceTransactionManager(dataSource), new WriteAhead(jdbc, dataSource), leader(),
                    providerOf(receipts), event -> { }, PROPERTIES, new DatabaseTrouble(Clock.systemUTC()),
                    Clock.systemUTC(), new ClusterProperties(null, Duration.ofSeconds(15), Duration.ofSeconds(3),
                    Duration.ofMillis(150)), new WebhookProperties(null, null, 8088, "127.0.0.1"),
                    new SimpleMeterRegistry());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static OutboundSender sender(DataSource dataSource, TelegramClient client, OutboxDispatcher dispatcher) {
        return new OutboundSender(client, PROPERTIES, outbox(dataSource), dispatcher);
    }

    private static org.springframework.beans.factory.ObjectProvider<DeliveryReceipts> providerOf(
            DeliveryReceipts... receipts) {
        var beans = new org.springframework.beans.factory.support.StaticListableBeanFactory();
        for (DeliveryReceipts receipt : receipts) {
            beans.addBean(receipt.kind(), receipt);
        }
        return beans.getBeanProvider(DeliveryReceipts.class);
    }

    private static Leadership leader() {
        return new Leadership() {
            @Override
            public boolean isLeader() {
                return true;
            }

            @Override
            public long term() {
                return 1;
            }
        };
    }
}
