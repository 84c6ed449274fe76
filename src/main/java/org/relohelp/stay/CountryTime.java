package org.relohelp.stay;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.relohelp.chat.Country;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/** "Today" is the date in the country's own time zone; reminders go out at 10:00 there. */
@Component
@NamedInterface("dates")
public class CountryTime {

    private static final Map<Country, ZoneId> ZONES = Map.of(Country.KZ, ZoneId.of("Asia/Almaty"),
            Country.UZ, ZoneId.of("Asia/Tashkent"), Country.KG, ZoneId.of("Asia/Bishkek"),
            Country.TJ, ZoneId.of("Asia/Dushanbe"), Country.GE, ZoneId.of("Asia/Tbilisi"),
            Country.AM, ZoneId.of("Asia/Yerevan"));
    static final int REMINDER_HOUR = 10;

    private final Clock clock;

    CountryTime(Clock clock) {
        this.clock = clock;
    }

    /** Today in the country; in UTC while the country is not known yet. */
    public LocalDate today(Country country) {
        return LocalDate.now(clock.withZone(country == null ? ZoneOffset.UTC
                : ZONES.getOrDefault(country, ZoneOffset.UTC)));
    }

    /** 10:00 local time on the day, in UTC; now if that moment has passed. */
    LocalDateTime reminderTimeUtc(Country country, LocalDate day) {
        LocalDateTime utc = day.atTime(REMINDER_HOUR, 0).atZone(ZONES.getOrDefault(country, ZoneOffset.UTC))
                .withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        LocalDateTime now = nowUtc();
        return utc.isBefore(now) ? now : utc;
    }

    LocalDateTime nowUtc() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
