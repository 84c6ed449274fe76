package org.relohelp.stay;

import java.time.LocalDate;
import java.util.List;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/** The stay rules for admins: re-read on {@code /reload}, and which were verified long ago (stale knowledge). */
@NamedInterface("rules")
@Component
public class StayRuleList {

    private final StayRules rules;

    StayRuleList(StayRules rules) {
        this.rules = rules;
    }

    /** A rule as admins see it in the list: where, its title, when it was last verified. */
    @NamedInterface("rules")
    public record Aged(Country country, String title, LocalDate verified) {
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

    public List<Aged> verifiedBefore(LocalDate day, Language language) {
        return rules.all().stream().filter(rule -> rule.verified().isBefore(day))
                .map(rule -> new Aged(rule.country(), rule.title(language), rule.verified())).toList();
    }
}
