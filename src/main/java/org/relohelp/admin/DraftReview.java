package org.relohelp.admin;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relohelp.chat.Button;
import org.relohelp.chat.ButtonResult;
import org.relohelp.chat.Dialogue;
import org.relohelp.chat.Incoming;
import org.relohelp.chat.Language;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.relohelp.knowledge.ArticlePublisher;
import org.relohelp.knowledge.NewArticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The admins' review of drafts: {@code /drafts} shows the oldest one with Approve / Edit / Reject. Approve
 * publishes it as a knowledge file, searchable at once; Edit takes the admin's next message as the new title
 * and body; Reject deletes it. Button data is checked like any client input: a forged or stale press, or a
 * second press on a handled draft, changes nothing.
 */
@Service
public class DraftReview {

    private static final Logger log = LoggerFactory.getLogger(DraftReview.class);
    static final String ACTION_PREFIX = "draft:";
    private static final Pattern ACTION = Pattern.compile("draft:(ok|edit|no):(\\d{1,18})");
    private static final Pattern TOPIC_LINE = Pattern.compile("#([a-z-]{2,20})");

    private final Drafts drafts;
    private final DraftView view;
    private final ArticlePublisher publisher;
    private final Texts texts;
    private final Clock clock;

    DraftReview(Drafts drafts, DraftView view, ArticlePublisher publisher, Texts texts, Clock clock) {
        this.drafts = drafts;
        this.view = view;
        this.publisher = publisher;
        this.texts = texts;
        this.clock = clock;
    }

    /** {@code /drafts}: the oldest draft waiting. It also drops an edit in progress. */
    public Reply list(long userId, Language lang) {
        drafts.endEdit(userId);
        return view.first(drafts.next(0), drafts.count(), lang, "drafts.none");
    }

    /** A button under a draft; the edge let only admins through. */
    public Optional<ButtonResult> press(long userId, String action, Language lang) {
        Matcher m = ACTION.matcher(action);
        if (!m.matches()) {
            return Optional.empty();
        }
        long id = Long.parseLong(m.group(2));
        Optional<Draft> draft = drafts.find(id);
        if (draft.isEmpty()) {
            return Optional.of(ButtonResult.toast(texts.get(lang, "drafts.gone")));
        }
        return Optional.of(switch (m.group(1)) {
            case "ok" -> approve(draft.get(), lang);
            case "edit" -> edit(userId, draft.get(), lang);
            default -> reject(draft.get(), lang);
        });
    }

    /**
     * The admin's next message after Edit; empty when they are not editing a draft. Not one transaction on
     * purpose: every private message passes here, and for everyone but admins this is a check in memory.
     */
    public Optional<Reply> onMessage(long userId, Incoming message, Language lang) {
        Optional<Long> editing = drafts.editing(userId);
        if (editing.isEmpty()) {
            return Optional.empty();
        }
        Optional<Draft> draft = drafts.find(editing.get());
        Optional<Edited> parsed = message.isText() ? parse(message.text()) : Optional.empty();
        if (draft.isPresent() && parsed.isEmpty()) {
            return Optional.of(Reply.text(texts.get(lang, "drafts.edit-bad", topics())));
        }
        // the draft may have been approved or rejected by another admin, before or while this was read
        // written anew in the other language (a Russian text for an English request), it is published in that one
        boolean replaced = draft.isPresent() && drafts.replace(draft.get().id(), parsed.get().title(),
                parsed.get().body(), parsed.get().topic() != null ? parsed.get().topic() : draft.get().topic(),
                writtenIn(parsed.get().title() + " " + parsed.get().body(), draft.get().language()));
        drafts.endEdit(userId);
        return Optional.of(replaced ? view.show(drafts.find(draft.get().id()).orElseThrow(), drafts.count(), lang)
                : Reply.text(texts.get(lang, "drafts.edit-gone")));
    }

    /** Russian when most of the letters are Cyrillic, English when most are Latin; as before when neither. */
    static Language writtenIn(String text, Language before) {
        long cyrillic = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC)
                .count();
        long latin = text.codePoints().filter(c -> Character.isLetter(c)
                && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN).count();
        return cyrillic > latin ? Language.RU : latin > cyrillic ? Language.EN : before;
    }

    /** Whether the admin is editing a draft (their next message is its new text). */
    boolean editing(long userId) {
        return drafts.editing(userId).isPresent();
    }

    /** The edit ends without a new text: /cancel, its button, or another command. */
    Reply endEditing(long userId, Language lang) {
        drafts.endEdit(userId);
        return Reply.text(texts.get(lang, "drafts.edit-cancelled"));
    }

    /** After a question asked in the middle of an edit: the edit is still waiting. */
    Reply askAgain(long userId, Language lang) {
        return drafts.editing(userId).map(id -> Reply.withButtons(texts.get(lang, "drafts.edit-again", id),
                List.of(List.of(new Button(texts.plain(lang, "step.button.cancel"), Dialogue.CANCEL)))))
                .orElse(Reply.NOTHING);
    }

    private ButtonResult approve(Draft draft, Language lang) {
        if (draft.topic() == null) {
            return ButtonResult.toast(texts.get(lang, "drafts.needs-topic"));
        }
        String baseId = "draft-" + LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + draft.id();
        String file;
        try {
            file = publisher.publish(new NewArticle(baseId, draft.language(),
                    draft.country() == null ? Set.of() : Set.of(draft.country()), draft.topic(), draft.title(),
                    draft.body(), texts.plain(draft.language(), "drafts.source")));
        } catch (RuntimeException e) {
            // the draft stays for another try; the reason names a field or a file, never the draft's words
            log.warn("Draft {} could not be published: {}", draft.id(), e.getClass().getSimpleName());
            return ButtonResult.message(Reply.text(texts.get(lang, "drafts.publish-failed", draft.id(),
                    String.valueOf(e.getMessage()))));
        }
        if (!drafts.remove(draft.id())) {
            // another admin approved or rejected it meanwhile (the same draft makes the same file name)
            return ButtonResult.toast(texts.get(lang, "drafts.gone"));
        }
        log.info("Draft {} approved as {}", draft.id(), file);
        return new ButtonResult(texts.get(lang, "drafts.approved-toast"), next(lang),
                Reply.text(texts.get(lang, "drafts.approved", draft.id(), file)));
    }

    private ButtonResult edit(long userId, Draft draft, Language lang) {
        drafts.startEdit(userId, draft.id());
        Reply format = Reply.text(texts.get(lang, "drafts.edit-format", String.valueOf(draft.id()), topics()));
        return new ButtonResult(null, format, new Reply(null, List.of()));
    }

    private ButtonResult reject(Draft draft, Language lang) {
        if (!drafts.remove(draft.id())) {
            return ButtonResult.toast(texts.get(lang, "drafts.gone"));
        }
        log.info("Draft {} rejected", draft.id());
        return new ButtonResult(texts.get(lang, "drafts.rejected-toast"), next(lang),
                Reply.text(texts.get(lang, "drafts.rejected", String.valueOf(draft.id()))));
    }

    private Reply next(Language lang) {
        return view.first(drafts.next(0), drafts.count(), lang, "drafts.no-more");
    }

    /**
     * The phone-friendly edit format: first line the title, the rest the body; a last line "#topic" sets the
     * topic. Empty when the text does not fit it.
     */
    static Optional<Edited> parse(String text) {
        List<String> lines = text == null ? List.of() : text.strip().lines().toList();
        if (lines.size() < 2) {
            return Optional.empty();
        }
        String title = lines.get(0).strip();
        String topic = null;
        int end = lines.size();
        Matcher topicLine = TOPIC_LINE.matcher(lines.get(end - 1).strip());
        if (topicLine.matches()) {
            topic = topicLine.group(1);
            if (!ArticlePublisher.topics().contains(topic)) {
                return Optional.empty();
            }
            end--;
        }
        String body = String.join("\n", lines.subList(1, end)).strip();
        if (title.isEmpty() || title.length() > DraftCapture.MAX_TITLE || body.isEmpty() || body.length() > 4000) {
            return Optional.empty();
        }
        return Optional.of(new Edited(title, body, topic));
    }

    /** An admin's new text for a draft; {@code topic} is null when they did not name one. */
    record Edited(String title, String body, String topic) {
    }

    private static String topics() {
        return String.join(", ", ArticlePublisher.topics().stream().map(t -> "#" + t).toList());
    }
}
