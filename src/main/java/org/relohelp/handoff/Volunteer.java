package org.relohelp.handoff;

/** An approved volunteer: the name refugees see, the languages and countries they help with. */
record Volunteer(long userId, String displayName, String languages, String countries, Long currentTicket) {
}
