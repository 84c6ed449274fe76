package org.relohelp.users;

import java.util.List;
import org.relohelp.chat.Language;

/**
 * A feature's share of /privacy: what it keeps about this person right now (a count in progress, reminders),
 * one line each in their language, so that /privacy lists everything /forget deletes.
 */
public interface KeptData {

    List<String> describe(long userId, Language language);
}
