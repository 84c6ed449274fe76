package org.relohelp.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.relohelp.chat.Access;
import org.relohelp.chat.ChatFeature;
import org.relohelp.chat.Command;
import org.relohelp.chat.Country;
import org.relohelp.chat.Incoming;
import org.relohelp.chat.Language;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.relohelp.handoff.TicketAnswer;
import org.relohelp.handoff.TicketAnswers;
import org.relohelp.knowledge.ArticlePublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A volunteer's {@code /savekb}, sent as a reply to their own answer in a ticket: the answer becomes a draft
 * article for the admins, with the ticket's country, language and topic, and its description as the title to
 * review. The answer's words come from the reply itself (Telegram sends the replied-to message along), as the
 * bot keeps no copy of relayed messages. Any misuse is answered and changes nothing.
 */
@Service
public class DraftCapture implements ChatFeature {

    static final int MAX_TITLE = 200;
    private static final Logger log = LoggerFactory.getLogger(DraftCapture.class);

    private final TicketAnswers answers;
    private final Drafts drafts;
    private final Texts texts;

    DraftCapture(TicketAnswers answers, Drafts drafts, Texts texts) {
        this.answers = answers;
        this.drafts = drafts;
        this.texts = texts;
    }

    @Override
    public List<Command> commands() {
        return List.of(Command.of("savekb", Access.VOLUNTEER, "menu.savekb",
                asked -> save(asked.userId(), asked.message(), asked.language())).at(20));
    }

    /** /savekb as a reply to one's own answer in a ticket (the edge let only volunteers through). */
    Reply save(long userId, Incoming command, Language lang) {
        if (command.replyTo() == 0) {
            return say(lang, "drafts.not-reply");
        }
        if (command.replyToSender() != 0 && command.replyToSender() != userId) {
            return say(lang, "drafts.not-yours");
        }
        Optional<TicketAnswer> found = answers.find(command.chatId(), command.replyTo());
        if (found.isEmpty()) {
            return say(lang, "drafts.not-in-ticket");
        }
        TicketAnswer answer = found.get();
        if (!answer.text()) {
            return say(lang, "drafts.not-text");
        }
        String body = command.replyToText() == null ? "" : command.replyToText().strip();
        if (body.isEmpty()) {
            return say(lang, "drafts.empty");
        }
        String hash = sha256(body);
        Optional<Long> earlier = drafts.withAnswer(hash);
        if (earlier.isPresent()) {
            return say(lang, "drafts.already-saved", String.valueOf(earlier.get()));
        }
        String topic = ArticlePublisher.topics().contains(answer.topic()) ? answer.topic() : null;
        Country country = answer.country() == Country.OTHER ? null : answer.country();
        long id = drafts.add(answer.language(), country, topic, title(answer.description()), body, hash);
        log.info("Draft {} saved from ticket {}", id, answer.ticket());
        return say(lang, "drafts.saved", String.valueOf(id));
    }

    /** The description on one line, cut at a word to fit a title; the admin rewrites it anyway. */
    static String title(String description) {
        String line = description == null ? "" : description.replaceAll("[\\s\\u2028\\u2029\\u0085]+", " ").strip();
        if (line.length() <= MAX_TITLE) {
            return line.isEmpty() ? "?" : line;
        }
        int cut = line.lastIndexOf(' ', MAX_TITLE - 1);
        return line.substring(0, cut > MAX_TITLE / 2 ? cut : MAX_TITLE - 1) + "…";
    }

    private Reply say(Language lang, String key, Object... args) {
        return Reply.text(texts.get(lang, key, args));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
