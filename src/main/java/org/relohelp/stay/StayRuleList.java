package org.relohelp.stay;

import java.time.LocalDate;
import java.util.List;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * The stay rules for admins: re-read on {@code /reload}, and which no person has checked against their sources, or not
 * for long (stale knowledge).
 */
@NamedInterface("rules")
@Component
public class StayRuleList {

    private final StayRules rules;

    StayRuleList(StayRules rules) {
        this.rules = rules;
    }

    /**
     * A rule as admins see it in the list: where, its title, the day a person checked it (null: never) and how old its
     * facts are (its oldest source's date).
     */
    @NamedInterface("rules")
    public record Aged(Country country, String title, LocalDate verified, LocalDate oldestFact) {
    }

    /** Re-reads {@code stay-rules.yml}: the number of rules now in force, or why the file was refused. */
    @NamedInterface("rules")
    public record Reloaded(int rules, String error) {
    }

    public Reloaded reload() {
        try {
            return new Reloaded(rules.reload(), null);
        } catch (RuntimeException e) {
            return new Reloaded(0, e.getMessage());
        }
    }

    /** The rules a person should check: never checked first, then checked before {@code day}. */
    public List<Aged> needingCheck(LocalDate day, Language language) {
        return rules.all().stream().filter(rule -> rule.verified() == null || rule.verified().isBefore(day))
                .sorted(java.util.Comparator.comparing(StayRule::verified,
                        java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())))
                .map(rule -> new Aged(rule.country(), rule.title(language), rule.verified(), rule.oldestFact()))
                .toList();
    }
}
