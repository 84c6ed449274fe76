package org.relohelp.housing;

/** A host as guests know them: by the name they chose, never their account. */
record Host(long userId, String displayName, boolean active, boolean blocked) {
}
