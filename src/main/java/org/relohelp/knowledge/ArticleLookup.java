package org.relohelp.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.relohelp.chat.Country;
import org.relohelp.chat.KnowledgeLookup;
import org.relohelp.chat.Language;
import org.relohelp.chat.Reply;
import org.springframework.stereotype.Component;

/**
 * The knowledge base for volunteers inside a ticket ({@code /kb}): the same search as questions get, each matching
 * article with its best section (a ticket's country leaves out other countries' articles), shown exactly as an
 * answer is ({@link Answers#show}), and what the bot's own answer to the ticket's question would have done with an
 * article ({@link AnswerPicker}), for the admins' statistics.
 */
@Component
class ArticleLookup implements KnowledgeLookup {

    private final KnowledgeBase knowledge;
    private final Answers answers;
    private final AnswerPicker picker;

    ArticleLookup(KnowledgeBase knowledge, Answers answers, KnowledgeProperties properties) {
        this.knowledge = knowledge;
        this.answers = answers;
        this.picker = new AnswerPicker(properties.minCoverage(), properties.minLead());
    }

    @Override
    public List<Match> find(String words, Optional<Country> country, int limit) {
        if (words == null || words.isBlank() || words.length() > Answers.MAX_QUESTION_LENGTH) {
            return List.of();
        }
        Language language = Answers.languageOf(words, Language.RU);
        Optional<Destination> where = country.flatMap(Destination::of);
        List<Match> matches = new ArrayList<>();
        for (SearchIndex.Hit hit : knowledge.search(words, country, language).hits()) {
            if (matches.size() == limit) {
                break;
            }
            if (hit.coverage() <= 0 || where.isPresent() && !hit.countries().isEmpty()
                    && !hit.countries().contains(where.get())) {
                continue;
            }
            Article article = knowledge.article(hit.article().id(), language).orElse(hit.article());
            Optional<Article.Section> section = hit.sectionId() == null || !article.sectioned() ? Optional.empty()
                    : article.section(hit.sectionId());
            matches.add(new Match(article.id() + ":" + section.map(Article.Section::id).orElse(""), article.id(),
                    article.title() + section.map(s -> " — " + s.title()).orElse("")));
        }
        return matches;
    }

    @Override
    public Optional<Reply> answer(String reference, long readerId, Language language, String noticeHtml) {
        int colon = reference.indexOf(':');
        String id = colon < 0 ? reference : reference.substring(0, colon);
        String section = colon < 0 || colon == reference.length() - 1 ? null : reference.substring(colon + 1);
        return knowledge.article(id, language).map(article -> answers.show(readerId, article, section, language,
                noticeHtml));
    }

    @Override
    public Optional<String> title(String articleId, Language language) {
        return knowledge.article(articleId, language).map(Article::title);
    }

    @Override
    public Found found(String question, Optional<Country> country, String articleId) {
        if (question == null || question.isBlank() || question.length() > Answers.MAX_QUESTION_LENGTH) {
            return Found.MISSED;
        }
        AnswerPicker.Decision decision = picker.pick(knowledge.search(question, country,
                Answers.languageOf(question, Language.RU)));
        if (decision instanceof AnswerPicker.Answer answer) {
            return answer.hit().article().id().equals(articleId) ? Found.ANSWERED : Found.MISSED;
        }
        if (decision instanceof AnswerPicker.Elsewhere elsewhere) {
            return elsewhere.hit().filter(h -> h.article().id().equals(articleId)).isPresent() ? Found.ANSWERED
                    : Found.MISSED;
        }
        if (decision instanceof AnswerPicker.AskCountry ask) {
            return ask.picks().values().stream().anyMatch(h -> h.article().id().equals(articleId)) ? Found.OFFERED
                    : Found.MISSED;
        }
        return ((AnswerPicker.Choose) decision).candidates().stream().anyMatch(h -> h.article().id().equals(articleId))
                ? Found.OFFERED : Found.MISSED;
    }
}
