package org.relohelp.knowledge;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.modulith.NamedInterface;

/**
 * Where the knowledge base lives and how sure the search must be before it answers with one article.
 *
 * @param dir           folder of the Markdown articles, {@code synonyms.txt} and {@code places.yml}
 *                      ({@code RELOHELP_KNOWLEDGE_DIR}; by default the copy packaged in the jar, see KnowledgeFolder)
 * @param draftsDir     where approved drafts are published ({@code <data-dir>/knowledge-drafts}): read after
 *                      {@code dir}, on the data volume, so an upgrade keeps them
 * @param minCoverage   share of the question's words the best article must match to be answered directly
 * @param minLead       how much the best article's score must exceed the first candidate's on another topic
 *                      (1.1 = 10 %)
 * @param staleAfterMonths facts older than this are marked to users; articles no person has checked for this
 *                         long (or ever), and stay rules verified longer ago, are listed to admins weekly
 * @param voteDays      how many days after an answer its 👍/👎 may be pressed (or changed); then the vote stays,
 *                      without its link to the voter
 */
@NamedInterface("settings")
@ConfigurationProperties("relohelp.knowledge")
public record KnowledgeProperties(@DefaultValue("config/knowledge") Path dir,
                                  Path draftsDir,
                                  @DefaultValue(DEFAULT_MIN_COVERAGE) double minCoverage,
                                  @DefaultValue(DEFAULT_MIN_LEAD) double minLead,
                                  @DefaultValue("12") int staleAfterMonths,
                                  @DefaultValue("7") int voteDays) {

    /**
     * Measured on the labelled dev sets (SearchEvaluation): a lead of 10 % over the first candidate on another topic
     * and 40 % of the question's words gave more right first replies than 25 % and half, with no more confident wrong
     * ones (candidates on the same topic stand together, so a close call between two topics the question both asks
     * about is usually right either way).
     */
    static final String DEFAULT_MIN_COVERAGE = "0.4";
    static final String DEFAULT_MIN_LEAD = "1.1";

    /** The folders the import reads, in order. */
    List<Path> folders() {
        return draftsDir == null ? List.of(dir) : List.of(dir, draftsDir);
    }
}
