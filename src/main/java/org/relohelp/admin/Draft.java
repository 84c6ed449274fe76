package org.relohelp.admin;

import org.relohelp.chat.Country;
import org.relohelp.chat.Language;

/**
 * A volunteer's answer on its way into the knowledge base. The title starts as the refugee's description of
 * the question, so an admin reviews it before it is published; country and topic may be unknown (null).
 */
record Draft(long id, Language language, Country country, String topic, String title, String body) {
}
