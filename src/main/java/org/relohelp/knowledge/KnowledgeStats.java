package org.relohelp.knowledge;

import java.time.LocalDateTime;
import java.util.List;
import org.relohelp.chat.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/** Numbers about the knowledge base for admins: questions answered and not, and 👍/👎 per article. */
@NamedInterface("curation")
@Component
public class KnowledgeStats {

    private static final int TOP_ARTICLES = 10;

    private final JdbcClient jdbc;
    private final AnswerTally tally;
    private final KnowledgeBase knowledge;

    KnowledgeStats(JdbcClient jdbc, AnswerTally tally, KnowledgeBase knowledge) {
        this.jdbc = jdbc;
        this.tally = tally;
        this.knowledge = knowledge;
    }

    /** Votes on one article; its title in the admin's language when it has one. */
    @NamedInterface("curation")
    public record Votes(String articleId, String title, long helpful, long notHelpful) {
    }

    /**
     * @param answered    questions answered with an article (by day: the period starts at midnight of its first day)
     * @param unanswered  questions without a confident answer, kept for curators
     * @param votes       the articles with the most votes in the period (one per person, their latest), most first
     */
    @NamedInterface("curation")
    public record Summary(long answered, long unanswered, List<Votes> votes) {
    }

    public Summary since(LocalDateTime start, Language language) {
        tally.flush();
        long answered = jdbc.sql("select coalesce(sum(answers), 0) from knowledge_answer_count where answered_on >= ?")
                .param(start.toLocalDate()).query(Long.class).single();
        long unanswered = jdbc.sql("select count(*) from unanswered_question where asked_at >= ?")
                .param(start).query(Long.class).single();
        List<Votes> votes = jdbc.sql("select article_id, sum(case when helpful then 1 else 0 end) up, "
                        + "sum(case when helpful then 0 else 1 end) down from article_vote where voted_at >= ? "
                        + "group by article_id order by count(*) desc, article_id")
                .param(start)
                .query((rs, row) -> {
                    String id = rs.getString("article_id");
                    String title = knowledge.article(id, language).map(Article::title).orElse(id);
                    return new Votes(id, title, rs.getLong("up"), rs.getLong("down"));
                })
                .list();
        return new Summary(answered, unanswered, votes.subList(0, Math.min(TOP_ARTICLES, votes.size())));
    }
}
