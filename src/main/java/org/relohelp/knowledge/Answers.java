package org.relohelp.knowledge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.relohelp.chat.Button;
import org.relohelp.chat.ButtonResult;
import org.relohelp.chat.Country;
import org.relohelp.chat.Html;
import org.relohelp.chat.Language;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Answers a question from the knowledge base: the best article when the search is confident, otherwise
 * up to three suggestions and the volunteer offer. Unanswered questions are kept for curators, without
 * the asker.
 */
@Service
public class Answers {

    public static final int MAX_QUESTION_LENGTH = 1000;
    private static final Logger log = LoggerFactory.getLogger(Answers.class);
    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
    private static final Pattern WORD = Pattern.compile("[a-z']+");
    private static final Set<String> ENGLISH = Set.of("how", "what", "where", "when", "which", "who", "why",
            "can", "could", "does", "did", "is", "are", "am", "was", "the", "an", "for", "of",
            "in", "my", "me", "you", "should", "would", "will", "need", "want", "get", "much", "many",
            "long", "stay", "rent", "flat", "with", "without", "there", "have", "it", "and", "or", "thanks", "thank",
            "hello", "hi", "hey", "please", "lot");

    private final KnowledgeBase knowledge;
    private final ArticleView view;
    private final Feedback feedback;
    private final Texts texts;
    private final AnswerPicker picker;
    private final AnswerTally tally;
    private final Counter answered;
    private final Counter notConfident;

    Answers(KnowledgeBase knowledge, ArticleView view, Feedback feedback, Texts texts,
            KnowledgeProperties properties, AnswerTally tally, MeterRegistry meters) {
        this.tally = tally;
        this.knowledge = knowledge;
        this.view = view;
        this.feedback = feedback;
        this.texts = texts;
        this.picker = new AnswerPicker(properties.minCoverage(), properties.minLead());
        this.answered = answers(meters, "answered");
        this.notConfident = answers(meters, "not_confident");
    }

    /** Questions searched in the knowledge base, by whether the bot was sure enough to answer with an article. */
    private static Counter answers(MeterRegistry meters, String outcome) {
        return Counter.builder("relohelp.knowledge.answers").tag("outcome", outcome)
                .description("Questions searched in the knowledge base, by outcome").register(meters);
    }

    /**
     * The reply to a question. It is written in the question's language when that is clear (Cyrillic is
     * Russian, plain English words are English), else in the profile's.
     */
    public Reply answer(String question, Optional<Country> profileCountry, Language profileLanguage) {
        String text = question == null ? "" : question.strip();
        Language language = languageOf(text, profileLanguage);
        if (text.isEmpty()) {
            return Reply.text(texts.get(language, "question.empty"));
        }
        if (text.length() > MAX_QUESTION_LENGTH) {
            return Reply.withButtons(texts.get(language, "question.too-long", MAX_QUESTION_LENGTH),
                    List.of(List.of(view.askVolunteer(language))));
        }
        Optional<SmallTalk.Kind> smallTalk = SmallTalk.recognise(text);
        if (smallTalk.isPresent()) {
            return Reply.text(texts.get(language, "smalltalk." + smallTalk.get().name().toLowerCase(Locale.ROOT)));
        }
        SearchIndex.Result result = knowledge.search(text, profileCountry, language);
        AnswerPicker.Pick pick = picker.pick(result);
        if (pick.answer().isPresent()) {
            Article article = knowledge.article(pick.answer().get().id(), language).orElse(pick.answer().get());
            log.debug("Answered with article {}", article.id());
            tally.answered(article.id(), result.country().map(Country::name).orElse(null), language.code());
            answered.increment();
            return view.render(article, language);
        }
        notConfident.increment();
        feedback.unanswered(text, result.country().map(Country::name).orElse(null), language.code());
        return suggestions(pick.suggestions(), result.country().isEmpty(), language);
    }

    private Reply suggestions(List<Article> suggestions, boolean countryUnknown, Language language) {
        List<List<Button>> buttons = new ArrayList<>();
        for (Article suggestion : suggestions) {
            buttons.add(List.of(view.suggestion(knowledge.article(suggestion.id(), language).orElse(suggestion))));
        }
        buttons.add(List.of(view.askVolunteer(language)));
        StringBuilder html = new StringBuilder(texts.get(language,
                suggestions.isEmpty() ? "answer.nothing-found" : "answer.suggestions"));
        if (countryUnknown) {
            html.append("\n\n").append(texts.get(language, "answer.choose-country"));
        }
        return Reply.withButtons(html.toString(), buttons);
    }

    /** An admin's {@code /reload}: re-imports the knowledge folder and says what changed, file by file. */
    public Reply reload(Language language) {
        ImportReport report = knowledge.reload();
        StringBuilder html = new StringBuilder(texts.get(language, "reload.done", report.added(), report.changed(),
                report.unchanged(), report.retired(), report.invalid().size()));
        report.invalid().forEach(line -> html.append("\n• ").append(Html.escape(line)));
        return Reply.text(html.toString());
    }

    public boolean handles(String action) {
        return action.startsWith(ArticleView.SHOW_ACTION) || action.startsWith(ArticleView.HELPED_ACTION)
                || action.startsWith(ArticleView.NOT_HELPED_ACTION);
    }

    /** A suggestion or feedback button; an action naming no article (or forged) changes nothing. */
    public Optional<ButtonResult> press(String action, Language language) {
        if (action.startsWith(ArticleView.SHOW_ACTION)) {
            return knowledge.article(action.substring(ArticleView.SHOW_ACTION.length()), language)
                    .map(article -> ButtonResult.message(view.render(article, language)));
        }
        boolean helped = action.startsWith(ArticleView.HELPED_ACTION);
        String id = action.substring(ArticleView.HELPED_ACTION.length());
        return knowledge.article(id, language).map(article -> {
            feedback.vote(article.id(), helped);
            Reply keepVolunteerButton = new Reply(null, List.of(List.of(view.askVolunteer(language, article.id()))));
            Reply next = helped ? null : Reply.text(texts.get(language, "feedback.sorry"));
            return new ButtonResult(texts.get(language, "feedback.thanks"), next, keepVolunteerButton);
        });
    }

    /** The topic of an article (stay, tax-id, housing…), to tell volunteers what a request is about. */
    public Optional<String> topicOf(String articleId) {
        return knowledge.article(articleId, Language.RU).map(Article::topic);
    }

    static Language languageOf(String text, Language fallback) {
        if (CYRILLIC.matcher(text).find()) {
            return Language.RU;
        }
        var words = WORD.matcher(text.toLowerCase(Locale.ROOT));
        int english = 0;
        while (words.find()) {
            if (ENGLISH.contains(words.group())) {
                english++;
            }
        }
        return english > 0 ? Language.EN : fallback;
    }
}
