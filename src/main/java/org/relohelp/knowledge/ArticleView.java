package org.relohelp.knowledge;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.relohelp.chat.Button;
import org.relohelp.chat.Html;
import org.relohelp.chat.Language;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.springframework.stereotype.Component;

/**
 * Articles as the user sees them. An answer is one section: its title under the article's, its text, its sources,
 * the age of its facts, and buttons (👍/👎, the whole article, "count my days" under a stay article, a volunteer).
 * The whole article has every section and every source. Dates are honest: the age shown is the oldest source's,
 * and it says whether a person has checked the article against its sources.
 */
@Component
class ArticleView {

    /**
     * Every knowledge action ends with the language it was shown in ({@code :ru}, {@code :en}), so a press is
     * answered in the language of the message pressed, whatever the profile says; without it, the profile's.
     */
    static String inLanguage(String action, Language language) {
        return action + ":" + language.code();
    }

    /** The whole article: {@code art:<id>}. */
    static final String SHOW_ACTION = "art:";
    /** One section as an answer: {@code sec:<id>:<section>}. */
    static final String SECTION_ACTION = "sec:";
    /** {@code fb:+:<id>:<stamp>}, see {@link Votes#stamp}. */
    static final String HELPED_ACTION = "fb:+:";
    static final String NOT_HELPED_ACTION = "fb:-:";

    private final Texts texts;
    private final Staleness staleness;
    private final Map<String, String> renderedBodies = new ConcurrentHashMap<>();
    private final Map<Language, DateTimeFormatter> dateFormats = new ConcurrentHashMap<>();

    ArticleView(Texts texts, Staleness staleness) {
        this.texts = texts;
        this.staleness = staleness;
    }

    /**
     * A section as the answer to a question; {@code language} is the reader's (the article may be in the other one
     * when it has no translation), {@code notice} an optional line above it. An old-format article has no sections
     * of its own: it is shown whole.
     */
    Reply section(Article article, Article.Section section, Language language, String stamp, String notice) {
        if (!article.sectioned()) {
            return whole(article, language, stamp, notice);
        }
        StringBuilder html = new StringBuilder();
        if (notice != null) {
            html.append("<i>").append(notice).append("</i>\n\n");
        }
        html.append("<b>").append(Html.escape(section.title())).append("</b>\n")
                .append("<i>").append(Html.escape(article.title())).append("</i>\n\n");
        otherLanguage(article, language, html);
        html.append(markdown(section.markdown())).append("\n\n");
        sources(article.sourcesOf(section), language, html);
        age(article, article.oldestFact(section), Article.undatedRead(article.sourcesOf(section)), language, html);
        return Reply.withButtons(html.toString(), buttons(article, true, language, stamp, null));
    }

    /** The whole article: lead, every section, every source. Telegram's length limit is the sender's concern. */
    Reply whole(Article article, Language language, String stamp, String notice) {
        StringBuilder html = new StringBuilder();
        if (notice != null) {
            html.append("<i>").append(notice).append("</i>\n\n");
        }
        html.append("<b>").append(Html.escape(article.title())).append("</b>\n\n");
        otherLanguage(article, language, html);
        if (!article.lead().isEmpty()) {
            html.append(markdown(article.lead())).append("\n\n");
        }
        for (Article.Section section : article.sections()) {
            if (!section.implicit()) {
                html.append("<b>").append(Html.escape(section.title())).append("</b>\n\n");
            }
            html.append(markdown(section.markdown())).append("\n\n");
        }
        sources(article.sources(), language, html);
        age(article, article.oldestFact(), Article.undatedRead(article.sources()), language, html);
        return Reply.withButtons(html.toString(), buttons(article, false, language, stamp, null));
    }

    /**
     * The buttons under an answer; after a vote ({@code voted} not null) the vote row shows it and still lets the
     * person change it, and the other buttons stay as they were.
     */
    List<List<Button>> buttons(Article article, boolean sectionShown, Language language, String stamp,
                               Boolean voted) {
        List<List<Button>> buttons = new ArrayList<>();
        buttons.add(List.of(
                new Button(texts.get(language, Boolean.TRUE.equals(voted) ? "button.helped-chosen" : "button.helped"),
                        inLanguage(HELPED_ACTION + article.id() + ":" + stamp, language)),
                new Button(texts.get(language, Boolean.FALSE.equals(voted) ? "button.not-helped-chosen"
                        : "button.not-helped"),
                        inLanguage(NOT_HELPED_ACTION + article.id() + ":" + stamp, language))));
        if (sectionShown && article.sectioned()) {
            buttons.add(List.of(new Button(texts.get(language, "button.whole-article"),
                    inLanguage(SHOW_ACTION + article.id(), language))));
        }
        stayCountry(article).ifPresent(country -> buttons.add(List.of(new Button(
                texts.get(language, "button.count-days"), Button.COUNT_MY_DAYS + ":" + country.name()))));
        if (article.topic().equals("housing")) {
            buttons.add(List.of(new Button(texts.get(language, "button.find-housing"), Button.FIND_HOUSING)));
        }
        buttons.add(List.of(askVolunteer(language, article.id())));
        return buttons;
    }

    /** A stay article for one country: the stay calculator can start with that country. */
    private static Optional<Destination> stayCountry(Article article) {
        List<Destination> covered = article.countries().stream().filter(Destination::covered).toList();
        return article.topic().equals("stay") && covered.size() == 1 ? Optional.of(covered.get(0)) : Optional.empty();
    }

    private void otherLanguage(Article article, Language language, StringBuilder html) {
        if (article.language() != language) {
            html.append("<i>").append(texts.get(language, "article.other-language")).append("</i>\n\n");
        }
    }

    private void sources(List<Article.Source> sources, Language language, StringBuilder html) {
        if (sources.isEmpty()) {
            return;
        }
        html.append("📎 ").append(texts.get(language, "article.sources")).append(' ')
                .append(sources.stream().map(source -> {
                    String title = Html.escape(source.title());
                    return source.url() == null ? title
                            : "<a href=\"" + Html.escape(source.url()) + "\">" + title + "</a>";
                }).collect(Collectors.joining("; ")));
    }

    /**
     * How old the facts shown are, whether a person has checked them, and a warning when they are old. Sources that
     * give no date are said to be undated, with the day they were read: that day is never shown as the facts' date.
     */
    private void age(Article article, Optional<LocalDate> oldest, Optional<LocalDate> undatedRead, Language language,
                     StringBuilder html) {
        String checked = article.verified() == null ? texts.get(language, "article.not-checked")
                : texts.get(language, "article.checked", date(article.verified(), language));
        String facts = oldest.map(day -> texts.get(language, "article.facts-as-of", date(day, language))
                        + undatedRead.map(read -> " " + texts.get(language, "article.some-undated",
                                date(read, language))).orElse(""))
                .orElseGet(() -> undatedRead.map(read -> texts.get(language, "article.all-undated",
                        date(read, language))).orElseGet(() -> texts.get(language, "article.facts-undated")));
        html.append("\n🗓 ").append(facts).append(' ').append(checked);
        oldest.flatMap(day -> staleness.factsWarning(day, language)).ifPresent(w -> html.append('\n').append(w));
    }

    private String date(LocalDate day, Language language) {
        return dateFormats.computeIfAbsent(language, l -> DateTimeFormatter.ofPattern(
                texts.get(l, "article.date-pattern"), l.locale())).format(day);
    }

    /** Markdown to Telegram HTML, once per text: parsing it for every answer is most of an answer's work. */
    private String markdown(String markdown) {
        if (renderedBodies.size() > 5_000) {
            renderedBodies.clear();
        }
        return renderedBodies.computeIfAbsent(markdown, TelegramHtml::fromMarkdown);
    }

    /** Under an answer with no article: the question asked can go with the request ({@link Button#ASK_VOLUNTEER_AFTER_ANSWER}). */
    Button askVolunteer(Language language) {
        return new Button(texts.get(language, "button.ask-volunteer"), Button.ASK_VOLUNTEER_AFTER_ANSWER);
    }

    /** Under an article the button remembers it, so the volunteer sees the topic. */
    Button askVolunteer(Language language, String articleId) {
        return new Button(texts.get(language, "button.ask-volunteer"), Button.ASK_VOLUNTEER + ":" + articleId);
    }

    /** A candidate answer: its section when it has one that answers questions, else the whole article. */
    Button candidate(Article article, String sectionId, Language language) {
        Optional<Article.Section> section = sectionId == null || !article.sectioned() ? Optional.empty()
                : article.section(sectionId);
        return section.map(s -> new Button(article.title() + " — " + s.title(),
                        inLanguage(SECTION_ACTION + article.id() + ":" + s.id(), language)))
                .orElseGet(() -> new Button(article.title(), inLanguage(SHOW_ACTION + article.id(), language)));
    }
}
