package org.relohelp.knowledge;

/** A knowledge file that cannot be loaded; the message says why, in words a curator can act on. */
class InvalidArticleException extends Exception {

    InvalidArticleException(String reason) {
        super(reason);
    }
}
