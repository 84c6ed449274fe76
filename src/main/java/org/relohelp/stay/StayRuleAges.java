package org.relohelp.stay;

import java.time.LocalDate;
import java.util.List;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;
import org.springframework.stereotype.Component;

/** Which stay rules were verified long ago, for the admins' weekly list of stale knowledge. */
@Component
public class StayRuleAges {

    private final StayRules rules;

    StayRuleAges(StayRules rules) {
        this.rules = rules;
    }

    /** A rule as admins see it in the list: where, its title, when it was last verified. */
    public record Aged(Country country, String title, LocalDate verified) {
    }

    public List<Aged> verifiedBefore(LocalDate day, Language language) {
        return rules.all().stream().filter(rule -> rule.verified().isBefore(day))
                .map(rule -> new Aged(rule.country(), rule.title(language), rule.verified())).toList();
    }
}
