/**
 * The knowledge base: articles of question-sized sections, their import, the Lucene search, the answers and their
 * buttons, votes, unanswered questions. Other modules see only its named interfaces: {@code places} (countries and
 * cities named in a text), {@code staleness} (how old facts may be), {@code settings} (where the knowledge lives) and,
 * for the admins' desk, {@code curation}.
 */
@ApplicationModule(allowedDependencies = {"chat", "cluster", "users"})
package org.relohelp.knowledge;

import org.springframework.modulith.ApplicationModule;
