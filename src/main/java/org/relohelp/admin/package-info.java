/**
 * What admins do beyond the handoff: broadcasts to the users of a country and/or language (/broadcast), previewed,
 * confirmed, sent in the background within Telegram's limits and reported back. Users opt out with /mute
 * (in {@code users}, which owns the profile).
 */
@ApplicationModule(allowedDependencies = {"chat", "cluster", "users", "handoff::staff", "handoff::tickets", "housing::stats",
    "knowledge::curation", "knowledge::staleness", "stay::rules"})
package org.relohelp.admin;

import org.springframework.modulith.ApplicationModule;
