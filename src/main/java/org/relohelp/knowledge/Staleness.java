package org.relohelp.knowledge;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import org.relohelp.chat.Language;
import org.relohelp.chat.Texts;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Whether facts are too old to be trusted without a warning; rules change (Kazakhstan, 2023). An article's facts, and a
 * stay rule's, are as old as their oldest source.
 */
@NamedInterface({"staleness", "curation"})
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

    /** "⚠️ These facts are 14 months old…" when the oldest fact shown is stale, nothing for fresh ones. */
    public Optional<String> factsWarning(LocalDate oldestFact, Language language) {
        return isStale(oldestFact) ? Optional.of(texts.get(language, "article.stale",
                String.valueOf(monthsAgo(oldestFact)), monthsAgo(oldestFact))) : Optional.empty();
    }

    /** Whether curators should check an article: nobody ever did, or it was longer ago than the configured age. */
    public boolean needsCheck(Article article) {
        return article.verified() == null || isStale(article.verified());
    }
}
