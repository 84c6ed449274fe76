package org.relohelp.knowledge;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.relohelp.chat.Html;
import org.relohelp.chat.Language;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * An admin's {@code /gaps [days]}: the questions the knowledge base most often could not answer, similar ones
 * grouped and counted, so curators know what to write next.
 */
@NamedInterface("curation")
@Component
public class Gaps {

    static final int DEFAULT_DAYS = 30;
    private static final int MAX_DAYS = 365;
    private static final int MAX_QUESTIONS = 5_000;
    private static final int SHOWN = 10;
    private static final int OTHER_PHRASINGS = 2;
    private static final int MAX_PHRASING = 150;

    private final JdbcClient jdbc;
    private final QuestionGroups groups;
    private final Texts texts;
    private final Clock clock;

    Gaps(JdbcClient jdbc, KnowledgeBase knowledge, Texts texts, Clock clock) {
        this.jdbc = jdbc;
        this.groups = new QuestionGroups(knowledge.analysis());
        this.texts = texts;
        this.clock = clock;
    }

    public Reply report(String argument, Language language) {
        java.util.OptionalInt period = days(argument);
        if (period.isEmpty()) {
            return Reply.text(texts.get(language, "gaps.usage", DEFAULT_DAYS, MAX_DAYS));
        }
        int days = period.getAsInt();
        List<QuestionGroups.Asked> asked = jdbc.sql("select question, country, language from unanswered_question "
                        + "where asked_at >= ? order by asked_at desc")
                .param(LocalDateTime.now(clock).minusDays(days))
                .query((rs, row) -> new QuestionGroups.Asked(rs.getString(1), rs.getString(2), rs.getString(3)))
                .stream().limit(MAX_QUESTIONS).toList();
        List<QuestionGroups.Group> found = groups.group(asked);
        if (found.isEmpty()) {
            return Reply.text(texts.get(language, "gaps.none", String.valueOf(days)));
        }
        StringBuilder html = new StringBuilder(texts.get(language, "gaps.title", String.valueOf(days),
                String.valueOf(asked.size()), String.valueOf(found.size())));
        found.stream().limit(SHOWN).forEach(group -> html.append("\n\n").append(line(group, language)));
        return Reply.text(html.toString());
    }

    /** The days a {@code /gaps [days]} asks about (30 without a number); empty when the argument is not 1–365. */
    public static java.util.OptionalInt days(String argument) {
        int days;
        try {
            days = argument.isBlank() ? DEFAULT_DAYS : Integer.parseInt(argument.strip());
        } catch (NumberFormatException e) {
            return java.util.OptionalInt.empty();
        }
        return days < 1 || days > MAX_DAYS ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(days);
    }

    private String line(QuestionGroups.Group group, Language language) {
        String top = group.mostCommon();
        StringBuilder line = new StringBuilder("<b>").append(group.count()).append(" ×</b> «")
                .append(Html.escape(shorten(top))).append('»');
        String countries = group.countries().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> (e.getKey().isEmpty() ? "?" : e.getKey()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
        line.append(" (").append(countries).append(')');
        List<String> others = group.phrasings().entrySet().stream().filter(e -> !e.getKey().equals(top))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(OTHER_PHRASINGS)
                .map(e -> "«" + Html.escape(shorten(e.getKey())) + "»").toList();
        if (!others.isEmpty()) {
            line.append("\n   ").append(texts.get(language, "gaps.also")).append(' ').append(String.join("; ", others));
        }
        return line.toString();
    }

    private static String shorten(String text) {
        String single = text.replaceAll("\\s+", " ");
        return single.length() <= MAX_PHRASING ? single : single.substring(0, MAX_PHRASING - 1) + "…";
    }
}
