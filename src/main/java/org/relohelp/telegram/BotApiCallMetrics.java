package org.relohelp.telegram;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.springframework.stereotype.Component;

/**
 * Times every HTTP attempt of the sending client ({@code relohelp.telegram.send}, tagged with the Bot API method and
 * the outcome) and counts the 429s Telegram answered ({@code relohelp.telegram.rate.limited}). It sits on OkHttp
 * rather than in {@link OutboundSender}, so each retry is measured on its own. Tags name only the method, taken
 * from the URL's last segment: the segment before it holds the token and is never read.
 */
@Component
class BotApiCallMetrics implements Interceptor {

    private final MeterRegistry meters;

    BotApiCallMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String method = method(chain.request().url());
        String outcome = "io_error";
        long start = System.nanoTime();
        try {
            Response response = chain.proceed(chain.request());
            outcome = outcome(response.code());
            if (response.code() == 429) {
                Counter.builder("relohelp.telegram.rate.limited").tag("method", method)
                        .description("429 Too Many Requests answered by the Bot API").register(meters).increment();
            }
            return response;
        } finally {
            Timer.builder("relohelp.telegram.send").tag("method", method).tag("outcome", outcome)
                    .description("One HTTP attempt of a Bot API call by the outbound sender").register(meters)
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /** sendmessage, copymessage…; anything unexpected becomes "other" so a tag can never carry a secret. */
    static String method(HttpUrl url) {
        List<String> segments = url.pathSegments();
        if (segments.size() < 2 || !segments.get(segments.size() - 2).startsWith("bot")) {
            return "other";
        }
        String method = segments.get(segments.size() - 1).toLowerCase(Locale.ROOT);
        return method.matches("[a-z]{1,40}") ? method : "other";
    }

    private static String outcome(int code) {
        if (code == 429) {
            return "429";
        }
        return code / 100 + "xx";
    }
}
