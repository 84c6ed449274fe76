package org.relohelp.handoff;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.relohelp.chat.GroupRights;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up in topic mode: whether the volunteers' group is a forum and the bot an administrator there who may
 * manage topics, said in one plain log line, with what is missing. It runs on its own thread after the start, so a
 * Telegram that cannot be reached delays only this line (asked again, at most a minute apart), never the start.
 */
@Component
class TopicCheck {

    private static final Logger log = LoggerFactory.getLogger(TopicCheck.class);
    private static final long FIRST_WAIT_MILLIS = 1_000;
    private static final long MAX_WAIT_MILLIS = 60_000;

    private final GroupRights rights;
    private final HandoffProperties properties;
    private volatile boolean stopped;
    private volatile String verdict;

    TopicCheck(GroupRights rights, HandoffProperties properties) {
        this.rights = rights;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        if (!properties.topics()) {
            return;
        }
        if (properties.volunteerChatId() == null) {
            log.warn("Topic mode is on, but no volunteers' group is set (VOLUNTEER_CHAT_ID): tickets go to "
                    + "volunteers' private chats");
            return;
        }
        Thread thread = new Thread(this::untilAnswered, "topic-check");
        thread.setDaemon(true);
        thread.start();
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        stopped = true;
    }

    private void untilAnswered() {
        long wait = FIRST_WAIT_MILLIS;
        while (!stopped && check().isEmpty()) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                return;
            }
            wait = Math.min(wait * 2, MAX_WAIT_MILLIS);
        }
    }

    /** Asks Telegram once and logs the verdict; empty when Telegram could not be asked. */
    Optional<String> check() {
        long group = properties.volunteerChatId();
        Optional<GroupRights.Standing> standing = rights.ask(group);
        if (standing.isEmpty()) {
            return Optional.empty();
        }
        List<String> missing = missing(standing.get());
        String line = missing.isEmpty()
                ? "Topic mode: group " + group + " is a forum and the bot manages its topics; each ticket gets a topic"
                : "Topic mode is on, but in group " + group + " " + String.join("; ", missing)
                + ": until that is fixed, tickets go on in volunteers' private chats";
        if (missing.isEmpty()) {
            log.info(line);
        } else {
            log.warn(line);
        }
        verdict = line;
        return Optional.of(line);
    }

    /** The last verdict logged, if any. */
    Optional<String> verdict() {
        return Optional.ofNullable(verdict);
    }

    static List<String> missing(GroupRights.Standing standing) {
        List<String> missing = new ArrayList<>();
        if (!standing.found()) {
            missing.add("the bot is not a member (add it to the group)");
            return missing;
        }
        if (!standing.forum()) {
            missing.add("topics are off (turn on Topics in the group's settings)");
        }
        if (!standing.administrator()) {
            missing.add("the bot is not an administrator (make it one, with the right to manage topics)");
        } else if (!standing.manageTopics()) {
            missing.add("the bot lacks the administrator right to manage topics");
        }
        return missing;
    }
}
