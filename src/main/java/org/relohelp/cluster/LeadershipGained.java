package org.relohelp.cluster;

/**
 * This instance has just become the leader: take up what a stop, a crash or the previous leader left (in-the-air
 * broadcast messages, claimed reminders). With long polling it comes once, when the application is ready.
 */
public record LeadershipGained() {
}
