package org.relohelp.stay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.relohelp.chat.Country;
import org.relohelp.knowledge.KnowledgeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** Stay rules in H2, replaced from {@code stay-rules.yml} in the knowledge folder at every start. */
@Repository
class StayRules implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(StayRules.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Path file;

    StayRules(JdbcClient jdbc, TransactionTemplate transaction, KnowledgeProperties knowledge) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.file = knowledge.dir().resolve("stay-rules.yml");
    }

    @Override
    public void afterPropertiesSet() {
        reload();
    }

    /** Replaces the rules with the file's; an invalid file throws and leaves the rules in place. */
    int reload() {
        List<StayRule> rules = StayRuleFile.read(file);
        transaction.executeWithoutResult(status -> {
            jdbc.sql("delete from stay_rule").update();
            rules.forEach(this::insert);
        });
        log.info("Stay rules imported from {}: {}", file, rules.size());
        return rules.size();
    }

    List<StayRule> all() {
        return jdbc.sql("select * from stay_rule order by country, valid_from").query(this::rule).list();
    }

    List<StayRule> of(Country country) {
        return jdbc.sql("select * from stay_rule where country = ? order by valid_from nulls first")
                .param(country.name()).query(this::rule).list();
    }

    private void insert(StayRule r) {
        jdbc.sql("insert into stay_rule (country, valid_from, valid_to, limit_kind, limit_days, window_days, "
                        + "registration_kind, registration_days, title_ru, title_en, note_ru, note_en, sources, verified) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.country().name(), r.validFrom(), r.validTo(), r.limit().kind().name(), r.limit().days(),
                        r.limit().windowDays(), r.registration().kind().name(), r.registration().days(), r.titleRu(),
                        r.titleEn(), r.noteRu(), r.noteEn(), json(r.sources()), r.verified())
                .update();
    }

    private StayRule rule(ResultSet rs, int row) throws SQLException {
        try {
            return new StayRule(Country.fromCode(rs.getString("country")).orElseThrow(),
                    rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                    new StayRule.Limit(StayRule.LimitKind.valueOf(rs.getString("limit_kind")), rs.getInt("limit_days"),
                            rs.getInt("window_days")),
                    new StayRule.Registration(StayRule.RegistrationKind.valueOf(rs.getString("registration_kind")),
                            rs.getInt("registration_days")),
                    rs.getString("title_ru"), rs.getString("title_en"), rs.getString("note_ru"),
                    rs.getString("note_en"), JSON.readValue(rs.getString("sources"), new TypeReference<>() { }),
                    rs.getObject("verified", LocalDate.class));
        } catch (JsonProcessingException e) {
            throw new SQLException("stay rule sources unreadable", e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
