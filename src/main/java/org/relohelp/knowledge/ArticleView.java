package org.relohelp.knowledge;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.relohelp.chat.Button;
import org.relohelp.chat.Html;
import org.relohelp.chat.Language;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.springframework.stereotype.Component;

/** An article as the user sees it: title, text, sources with links, the date it was verified, and buttons. */
@Component
class ArticleView {

    static final String SHOW_ACTION = "art:";
    static final String HELPED_ACTION = "fb:+:";
    static final String NOT_HELPED_ACTION = "fb:-:";
    private static final int MAX_SOURCES = 3;

    private final Texts texts;
    private final Staleness staleness;
    private final java.util.Map<String, String> renderedBodies = new java.util.concurrent.ConcurrentHashMap<>();

    ArticleView(Texts texts, Staleness staleness) {
        this.texts = texts;
        this.staleness = staleness;
    }

    /** {@code language} is the reader's; the article may be in the other one when no translation exists. */
    Reply render(Article article, Language language) {
        StringBuilder html = new StringBuilder();
        html.append("<b>").append(Html.escape(article.title())).append("</b>\n\n");
        if (article.language() != language) {
            html.append("<i>").append(texts.get(language, "article.other-language")).append("</i>\n\n");
        }
        html.append(bodyHtml(article.body())).append("\n\n");
        html.append("📎 ").append(texts.get(language, "article.sources")).append(' ').append(sources(article));
        String verified = DateTimeFormatter.ofPattern(texts.get(language, "article.date-pattern"), language.locale())
                .format(article.verified());
        html.append('\n').append("🗓 ").append(texts.get(language, "article.verified", verified));
        staleness.warning(article.verified(), language).ifPresent(warning -> html.append('\n').append(warning));
        List<List<Button>> buttons = new java.util.ArrayList<>(List.of(
                List.of(new Button(texts.get(language, "button.helped"), HELPED_ACTION + article.id()),
                        new Button(texts.get(language, "button.not-helped"), NOT_HELPED_ACTION + article.id())),
                List.of(askVolunteer(language, article.id()))));
        if (article.topic().equals("stay") && !article.isGeneral()) {
            buttons.add(1, List.of(new Button(texts.get(language, "button.count-days"), Button.COUNT_MY_DAYS)));
        }
        return Reply.withButtons(html.toString(), buttons);
    }

    /** Markdown to Telegram HTML, once per article text: parsing it for every answer is most of an answer's work. */
    private String bodyHtml(String markdown) {
        if (renderedBodies.size() > 2_000) {
            renderedBodies.clear();
        }
        return renderedBodies.computeIfAbsent(markdown, TelegramHtml::fromMarkdown);
    }

    Button askVolunteer(Language language) {
        return new Button(texts.get(language, "button.ask-volunteer"), Button.ASK_VOLUNTEER);
    }

    /** Under an article the button remembers it, so the volunteer sees the topic. */
    Button askVolunteer(Language language, String articleId) {
        return new Button(texts.get(language, "button.ask-volunteer"), Button.ASK_VOLUNTEER + ":" + articleId);
    }

    Button suggestion(Article article) {
        return new Button(article.title(), SHOW_ACTION + article.id());
    }

    private static String sources(Article article) {
        return article.sources().stream().limit(MAX_SOURCES).map(source -> {
            String title = Html.escape(source.title());
            return source.url() == null ? title : "<a href=\"" + Html.escape(source.url()) + "\">" + title + "</a>";
        }).collect(Collectors.joining("; "));
    }
}
