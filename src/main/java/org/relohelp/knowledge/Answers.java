package org.relohelp.knowledge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relohelp.chat.Asked;
import org.relohelp.chat.AskedQuestions;
import org.relohelp.chat.Button;
import org.relohelp.chat.ButtonResult;
import org.relohelp.chat.ButtonRoute;
import org.relohelp.chat.ChatFeature;
import org.relohelp.chat.Country;
import org.relohelp.chat.Html;
import org.relohelp.chat.Language;
import org.relohelp.chat.Questions;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.relohelp.chat.TopicGuess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Answers a question from the knowledge base: the section of the best article when the search is confident;
 * "which country?" when the question is clear about its topic but not its country; what the short article says
 * about a destination the bot does not cover; otherwise two or three candidates and the volunteer offer.
 * Unanswered questions are kept for curators, without the asker. Each country button of "which country?" carries
 * the section that answers the question there (and the country). The question itself, with the country it is about,
 * goes to {@link AskedQuestions}, which keeps the last one a short while so that "Ask a volunteer" under its answer can
 * send it on.
 */
@NamedInterface("curation")
@Service
public class Answers implements ChatFeature, Questions, TopicGuess {

    public static final int MAX_QUESTION_LENGTH = 1000;
    /**
     * Which-country buttons: {@code wc:<id>:<section>:<COUNTRY>} (buttons shown before the country was added end at
     * the section), {@code wc:-:<country>} (no article), {@code wc:*} (other).
     */
    static final String COUNTRY_ACTION = "wc:";
    /** The country at the end of a which-country button's reference: upper case, where ids and sections are not. */
    private static final Pattern PRESSED_COUNTRY = Pattern.compile("(.*):([A-Z]{2})");
    private static final String NO_ARTICLE = COUNTRY_ACTION + "-:";
    private static final String OTHER_COUNTRY = COUNTRY_ACTION + "*";
    private static final Logger log = LoggerFactory.getLogger(Answers.class);
    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
    private static final Pattern WORD = Pattern.compile("[a-z']+");
    /** An action and the language its message was shown in (see {@link ArticleView#inLanguage}). */
    private static final Pattern SHOWN_IN = Pattern.compile("(.+):(ru|en)");
    private static final Set<String> ENGLISH = Set.of("how", "what", "where", "when", "which", "who", "why",
            "can", "could", "does", "did", "is", "are", "am", "was", "the", "an", "for", "of",
            "in", "my", "me", "you", "should", "would", "will", "need", "want", "get", "much", "many",
            "long", "stay", "rent", "flat", "with", "without", "there", "have", "it", "and", "or", "thanks", "thank",
            "hello", "hi", "hey", "please", "lot", "if", "buy", "from");

    private final KnowledgeBase knowledge;
    private final ArticleView view;
    private final Feedback feedback;
    private final Votes votes;
    private final Texts texts;
    private final AnswerPicker picker;
    private final AnswerTally tally;
    private final Counter answered;
    private final Counter notConfident;
    private final Counter askedCountry;
    private final Counter elsewhere;
    private final AskedQuestions asked;

    Answers(KnowledgeBase knowledge, ArticleView view, Feedback feedback, Votes votes, Texts texts,
            KnowledgeProperties properties, AnswerTally tally, MeterRegistry meters, AskedQuestions asked) {
        this.asked = asked;
        this.tally = tally;
        this.knowledge = knowledge;
        this.view = view;
        this.feedback = feedback;
        this.votes = votes;
        this.texts = texts;
        this.picker = new AnswerPicker(properties.minCoverage(), properties.minLead());
        this.answered = answers(meters, "answered");
        this.notConfident = answers(meters, "not_confident");
        this.askedCountry = answers(meters, "asked_country");
        this.elsewhere = answers(meters, "elsewhere");
    }

    @Override
    public List<ButtonRoute> buttons() {
        ButtonRoute.Handler press = pressed -> press(pressed.userId(), pressed.messageId(), pressed.action(),
                pressed.language());
        return List.of(ButtonRoute.of(ArticleView.SHOW_ACTION, press), ButtonRoute.of(ArticleView.SECTION_ACTION, press),
                ButtonRoute.of(COUNTRY_ACTION, press), ButtonRoute.of(ArticleView.HELPED_ACTION, press),
                ButtonRoute.of(ArticleView.NOT_HELPED_ACTION, press));
    }

    /**
     * A message nobody else took: a question for the knowledge base. A question (not a greeting, not empty) is passed
     * on with the country it is about, for "Ask a volunteer" under its answer.
     */
    @Override
    public Reply answer(Asked question) {
        Answered answered = answered(question.userId(), question.message().text(), question.profile().knownCountry(),
                question.language());
        if (answered.question()) {
            asked.answered(question.userId(), question.message().messageId(), question.message().text().strip(),
                    answered.language(), answered.country().map(Answers::country));
        }
        return answered.reply();
    }

    /**
     * A reply, and what it was an answer to: {@code question} false for a greeting or an empty message; the language
     * it is written in; the country the question is about, when known.
     */
    private record Answered(Reply reply, boolean question, Language language, Optional<Destination> country) {
    }

    /** The menu's country of a destination: a covered one, or "another country". */
    private static Country country(Destination destination) {
        return destination.country().orElse(Country.OTHER);
    }

    @Override
    public Optional<String> ofArticle(String articleId) {
        return topicOf(articleId);
    }

    /** The topic of the article a question would be answered with, when the answer is confident. */
    @Override
    public Optional<String> ofQuestion(String question, Optional<Country> country) {
        if (question == null || question.isBlank() || question.length() > MAX_QUESTION_LENGTH) {
            return Optional.empty();
        }
        Language language = languageOf(question, Language.RU);
        return picker.pick(knowledge.search(question, country, language)) instanceof AnswerPicker.Answer answer
                ? Optional.of(answer.hit().article().topic()) : Optional.empty();
    }

    /** Questions searched in the knowledge base, by what the first reply was. */
    private static Counter answers(MeterRegistry meters, String outcome) {
        return Counter.builder("relohelp.knowledge.answers").tag("outcome", outcome)
                .description("Questions searched in the knowledge base, by outcome").register(meters);
    }

    /**
     * The reply to a person's question. It is written in the question's language when that is clear (Cyrillic is
     * Russian, plain English words are English), else in the profile's.
     */
    public Reply answer(long userId, String question, Optional<Country> profileCountry, Language profileLanguage) {
        return answered(userId, question, profileCountry, profileLanguage).reply();
    }

    private Answered answered(long userId, String question, Optional<Country> profileCountry,
                              Language profileLanguage) {
        String text = question == null ? "" : question.strip();
        Language language = languageOf(text, profileLanguage);
        Optional<Destination> profile = profileCountry.flatMap(Destination::of);
        if (text.isEmpty()) {
            return new Answered(Reply.text(texts.get(language, "question.empty")), false, language, profile);
        }
        if (text.length() > MAX_QUESTION_LENGTH) {
            return new Answered(Reply.withButtons(texts.get(language, "question.too-long", MAX_QUESTION_LENGTH),
                    List.of(List.of(view.askVolunteer(language)))), true, language, profile);
        }
        Optional<SmallTalk.Kind> smallTalk = SmallTalk.recognise(text, other -> asksNothing(other, language));
        if (smallTalk.isPresent()) {
            return new Answered(Reply.text(texts.get(language, "smalltalk."
                    + smallTalk.get().name().toLowerCase(Locale.ROOT))), false, language, profile);
        }
        SearchIndex.Result result = knowledge.search(text, profileCountry, language);
        Optional<Destination> where = result.where().country();
        String country = where.map(Destination::name).orElse(null);
        AnswerPicker.Decision decision = picker.pick(result);
        if (decision instanceof AnswerPicker.Answer answer) {
            Article article = knowledge.article(answer.hit().article().id(), language).orElse(answer.hit().article());
            log.debug("Answered with article {}", article.id());
            tally.answered(article.id(), country, language.code());
            answered.increment();
            // not named: the country of the article that answers, when it is about one
            Optional<Destination> about = where.or(() -> article.countries().size() == 1
                    ? Optional.of(article.countries().iterator().next()) : Optional.empty());
            return new Answered(show(userId, article, answer.hit().sectionId(), language, null), true, language,
                    about);
        }
        if (decision instanceof AnswerPicker.AskCountry ask) {
            askedCountry.increment();
            return new Answered(whichCountry(ask, language), true, language, where);
        }
        if (decision instanceof AnswerPicker.Elsewhere other) {
            elsewhere.increment();
            return new Answered(elsewhere(userId, other, language, country), true, language,
                    Optional.of(other.country()));
        }
        notConfident.increment();
        feedback.unanswered(text, country, language.code());
        return new Answered(candidates(((AnswerPicker.Choose) decision).candidates(), where.isEmpty(), language),
                true, language, where);
    }

    /**
     * Words beside a thanks or a greeting ("вера" in "вера спасибо огромное") in which the knowledge base finds
     * nothing to answer: no topic, no country, no confident answer.
     */
    private boolean asksNothing(String words, Language language) {
        SearchIndex.Result result = knowledge.search(words, Optional.empty(), language);
        return result.where().how() == SearchIndex.How.NONE && result.told().weights().isEmpty()
                && !(picker.pick(result) instanceof AnswerPicker.Answer);
    }

    /** A section as the answer (the whole article when the section is not known or the article has none). */
    Reply show(long userId, Article article, String sectionId, Language language, String notice) {
        Optional<Article.Section> section = sectionId == null ? Optional.empty()
                : article.section(sectionId).filter(Article.Section::answers);
        if (section.isEmpty()) {
            return view.whole(article, language, votes.stamp(userId, article.id(), Votes.Kind.ARTICLE), notice);
        }
        Votes.Kind kind = article.sectioned() ? Votes.Kind.SECTION : Votes.Kind.ARTICLE;
        return view.section(article, section.get(), language, votes.stamp(userId, article.id(), kind), notice);
    }

    private Reply whichCountry(AnswerPicker.AskCountry ask, Language language) {
        List<List<Button>> buttons = new ArrayList<>();
        List<Button> row = new ArrayList<>();
        for (Destination country : Destination.values()) {
            if (!country.covered()) {
                continue;
            }
            SearchIndex.Hit pick = ask.picks().get(country);
            String action = pick == null ? NO_ARTICLE + country.name() : COUNTRY_ACTION + pick.article().id() + ":"
                    + (pick.sectionId() == null ? "" : pick.sectionId()) + ":" + country.name();
            row.add(new Button(texts.get(language, "country." + country.name()),
                    ArticleView.inLanguage(action, language)));
            if (row.size() == 2) {
                buttons.add(row);
                row = new ArrayList<>();
            }
        }
        buttons.add(List.of(new Button(texts.get(language, "country.OTHER"),
                ArticleView.inLanguage(OTHER_COUNTRY, language))));
        return Reply.withButtons(texts.get(language, "answer.which-country"), buttons);
    }

    private Reply elsewhere(long userId, AnswerPicker.Elsewhere other, Language language, String country) {
        String name = texts.get(language, "destination." + other.country().name());
        Optional<Article> article = other.hit().map(h -> h.article().id())
                .or(() -> knowledge.elsewhereArticle(other.country()).map(Article::id))
                .flatMap(id -> knowledge.article(id, language));
        if (article.isEmpty()) {
            return Reply.withButtons(texts.get(language, "answer.elsewhere-none", name),
                    List.of(List.of(view.askVolunteer(language))));
        }
        tally.answered(article.get().id(), country, language.code());
        String section = other.hit().filter(h -> h.article().id().equals(article.get().id()))
                .map(SearchIndex.Hit::sectionId).orElse(null);
        return show(userId, article.get(), section, language, texts.get(language, "answer.elsewhere", name));
    }

    private Reply candidates(List<SearchIndex.Hit> candidates, boolean countryUnknown, Language language) {
        List<List<Button>> buttons = new ArrayList<>();
        for (SearchIndex.Hit candidate : candidates) {
            Article article = knowledge.article(candidate.article().id(), language).orElse(candidate.article());
            buttons.add(List.of(view.candidate(article, candidate.sectionId(), language)));
        }
        buttons.add(List.of(view.askVolunteer(language)));
        String key = candidates.isEmpty() ? "answer.nothing-found"
                : candidates.size() == 2 ? "answer.two" : "answer.suggestions";
        StringBuilder html = new StringBuilder(texts.get(language, key));
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

    /**
     * A person's press on a button under an answer, a candidate or a which-country question; an action naming no
     * article, someone else's vote button or a forged one changes nothing.
     */
    public Optional<ButtonResult> press(long userId, String pressed, Language profileLanguage) {
        return press(userId, 0, pressed, profileLanguage);
    }

    /** As {@link #press(long, String, Language)}, pressed under the bot's message {@code messageId} (0: unknown). */
    Optional<ButtonResult> press(long userId, int messageId, String pressed, Language profileLanguage) {
        Matcher shownIn = SHOWN_IN.matcher(pressed);
        String action = shownIn.matches() ? shownIn.group(1) : pressed;
        Language language = shownIn.matches() ? Language.fromCode(shownIn.group(2)) : profileLanguage;
        if (action.startsWith(ArticleView.SHOW_ACTION)) {
            return knowledge.article(action.substring(ArticleView.SHOW_ACTION.length()), language)
                    .map(article -> ButtonResult.message(show(userId, article, null, language, null)));
        }
        if (action.startsWith(ArticleView.SECTION_ACTION)) {
            return section(userId, action.substring(ArticleView.SECTION_ACTION.length()), language)
                    .map(ButtonResult::message);
        }
        if (action.startsWith(COUNTRY_ACTION)) {
            return countryChosen(userId, messageId, action, language);
        }
        return vote(userId, action, language);
    }

    /** {@code <id>:<section>}: the section, or the whole article when the section is gone or not named. */
    private Optional<Reply> section(long userId, String reference, Language language) {
        int colon = reference.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return knowledge.article(reference.substring(0, colon), language)
                .map(article -> show(userId, article, reference.substring(colon + 1), language, null));
    }

    /** The answer for the country pressed; the question's buttons go, so nothing of it is left to press again. */
    private Optional<ButtonResult> countryChosen(long userId, int messageId, String action, Language language) {
        Optional<ButtonResult> result = countryChosen(userId, action, language);
        if (result.isPresent() && messageId != 0) {
            chosenCountry(action).ifPresent(country -> asked.countryChosen(userId, messageId, country));
        }
        return result;
    }

    /** The country a which-country button stands for: "another", the one without an article, or the one named. */
    private static Optional<Country> chosenCountry(String action) {
        if (action.equals(OTHER_COUNTRY)) {
            return Optional.of(Country.OTHER);
        }
        String rest = action.startsWith(NO_ARTICLE) ? action.substring(NO_ARTICLE.length())
                : action.substring(COUNTRY_ACTION.length());
        Matcher named = PRESSED_COUNTRY.matcher(rest);
        String code = action.startsWith(NO_ARTICLE) ? rest : named.matches() ? named.group(2) : null;
        return Destination.fromCode(code).filter(Destination::covered).flatMap(Destination::country);
    }

    private Optional<ButtonResult> countryChosen(long userId, String action, Language language) {
        Reply cleared = new Reply(null, List.of());
        if (action.equals(OTHER_COUNTRY)) {
            List<List<Button>> buttons = new ArrayList<>();
            knowledge.elsewhereArticles(language).forEach(a -> buttons.add(List.of(view.candidate(a, null,
                    language))));
            buttons.add(List.of(view.askVolunteer(language)));
            return Optional.of(new ButtonResult(null, Reply.withButtons(texts.get(language, "answer.other-country"),
                    buttons), cleared));
        }
        if (action.startsWith(NO_ARTICLE)) {
            return Destination.fromCode(action.substring(NO_ARTICLE.length())).filter(Destination::covered)
                    .map(country -> new ButtonResult(null, Reply.withButtons(texts.get(language,
                            "answer.no-article-for-country", texts.get(language, "country." + country.name())),
                            List.of(List.of(view.askVolunteer(language)))), cleared));
        }
        Matcher named = PRESSED_COUNTRY.matcher(action.substring(COUNTRY_ACTION.length()));
        String reference = named.matches() ? named.group(1) : action.substring(COUNTRY_ACTION.length());
        return section(userId, reference, language).map(reply -> {
            String id = reference.substring(0, reference.indexOf(':'));
            tally.answered(id, knowledge.article(id, language).flatMap(a -> a.countries().stream().findFirst())
                    .map(Destination::name).orElse(null), language.code());
            answered.increment();
            return new ButtonResult(null, reply, cleared);
        });
    }

    /**
     * {@code fb:±:<id>:<stamp>}: counts or changes the person's vote, and redraws only the vote row, which shows the
     * vote and still lets them change it.
     */
    private Optional<ButtonResult> vote(long userId, String action, Language language) {
        boolean helpful = action.startsWith(ArticleView.HELPED_ACTION);
        String rest = action.substring(ArticleView.HELPED_ACTION.length());
        int colon = rest.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String stamp = rest.substring(colon + 1);
        Optional<Article> article = knowledge.article(rest.substring(0, colon), language);
        Optional<Votes.Stamp> checked = article.flatMap(a -> votes.check(userId, a.id(), stamp));
        if (checked.isEmpty()) {
            return Optional.empty();
        }
        Votes.Outcome outcome = votes.vote(userId, article.get().id(), checked.get().answeredOn(), helpful);
        if (outcome == Votes.Outcome.CLOSED) {
            return Optional.of(ButtonResult.toast(texts.get(language, "feedback.closed")));
        }
        if (outcome == Votes.Outcome.SAME) {
            return Optional.of(ButtonResult.toast(texts.get(language, "feedback.thanks")));
        }
        Reply votedRow = new Reply(null, view.buttons(article.get(), checked.get().kind() == Votes.Kind.SECTION,
                language, stamp, helpful));
        Reply sorry = helpful ? null : Reply.text(texts.get(language, "feedback.sorry"));
        return Optional.of(new ButtonResult(texts.get(language, "feedback.thanks"), sorry, votedRow));
    }

    /** The topic of an article (stay, id-number, housing…), to tell volunteers what a request is about. */
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
