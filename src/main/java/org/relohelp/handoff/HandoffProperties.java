package org.relohelp.handoff;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adminIds         Telegram user ids of the admins ({@code BOT_ADMIN_IDS})
 * @param volunteerChatId  the volunteers' group ({@code VOLUNTEER_CHAT_ID}); without one, new tickets are
 *                         announced to each volunteer privately
 * @param reannounceAfter  a ticket nobody took is announced again after this long
 * @param replyDeadline    an assigned ticket without a volunteer reply this long goes back to the queue
 * @param reopenWindow     how long after a close the "Reopen" button under the rating still reopens the ticket
 * @param inviteValidity   how long a volunteer invitation link works
 * @param topics           topic mode ({@code RELOHELP_TOPICS}): with {@code volunteerChatId} a forum, each ticket
 *                         gets its own topic there instead of the private relay (see {@link Topics})
 * @param questionKept     how long a person's last question is kept for "Ask a volunteer" under its answer, which
 *                         offers to send it as the ticket's description (see {@link HeldQuestions})
 */
@ConfigurationProperties("relohelp.handoff")
public record HandoffProperties(@DefaultValue List<Long> adminIds,
                                Long volunteerChatId,
                                @DefaultValue("15m") Duration reannounceAfter,
                                @DefaultValue("24h") Duration replyDeadline,
                                @DefaultValue("24h") Duration reopenWindow,
                                @DefaultValue("24h") Duration inviteValidity,
                                @DefaultValue("false") boolean topics,
                                @DefaultValue("1h") Duration questionKept) {
}
