package org.relohelp.knowledge;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import org.relohelp.chat.Language;
import org.relohelp.chat.Texts;
import org.springframework.stereotype.Component;

/** Whether a fact was verified too long ago to be trusted without a warning; rules change (Kazakhstan, 2023). */
@Component
public class Staleness {

    private final int staleAfterMonths;
    private final Texts texts;
    private final Clock clock;

    Staleness(KnowledgeProperties properties, Texts texts, Clock clock) {
        this.staleAfterMonths = properties.staleAfterMonths();
        this.texts = texts;
        this.clock = clock;
    }

    /** Facts verified before this day are stale. */
    public LocalDate staleBefore() {
        return LocalDate.now(clock).minusMonths(staleAfterMonths);
    }

    public boolean isStale(LocalDate verified) {
        return verified.isBefore(staleBefore());
    }

    public long monthsAgo(LocalDate verified) {
        return Math.max(0, Period.between(verified, LocalDate.now(clock)).toTotalMonths());
    }

    /** "⚠️ Last verified 14 months ago…" for a stale fact, nothing for a fresh one. */
    public Optional<String> warning(LocalDate verified, Language language) {
        return isStale(verified)
                ? Optional.of(texts.get(language, "stale.warning", String.valueOf(monthsAgo(verified)), monthsAgo(verified)))
                : Optional.empty();
    }
}
