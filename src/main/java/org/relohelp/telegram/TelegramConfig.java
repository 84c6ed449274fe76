package org.relohelp.telegram;

import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

@Configuration(proxyBeanMethods = false)
class TelegramConfig {

    @Bean
    TelegramUrl telegramUrl(TelegramProperties properties) {
        var uri = properties.apiUrl();
        int port = uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
        return new TelegramUrl(uri.getScheme(), uri.getHost(), port, false);
    }

    /**
     * telegrambots runs each call through OkHttp's asynchronous dispatcher, which lets only 5 requests per host
     * run at once; the lanes (and the typing timer) must not queue behind each other there.
     */
    @Bean
    TelegramClient telegramClient(TelegramProperties properties, TelegramUrl url, BotApiCallMetrics metrics) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequestsPerHost(properties.workers() + 8);
        dispatcher.setMaxRequests(properties.workers() + 8);
        OkHttpClient http = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .writeTimeout(30, TimeUnit.SECONDS)
                .addInterceptor(metrics)
                .build();
        return new OkHttpTelegramClient(http, properties.token(), url);
    }
}
