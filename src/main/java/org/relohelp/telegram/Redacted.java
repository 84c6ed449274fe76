package org.relohelp.telegram;

/**
 * An exception as it may be logged: the classes and stack traces of the original and its causes, without their
 * messages — a message can quote a value, and that value can be what a person wrote.
 */
final class Redacted extends RuntimeException {

    private Redacted(String className, Throwable cause) {
        super(className, cause, false, true);
    }

    static Throwable of(Throwable e) {
        Throwable cause = e.getCause() == null || e.getCause() == e ? null : of(e.getCause());
        Redacted redacted = new Redacted(e.getClass().getName(), cause);
        redacted.setStackTrace(e.getStackTrace());
        return redacted;
    }

    @Override
    public String toString() {
        return getMessage() + " (message withheld)";
    }
}
