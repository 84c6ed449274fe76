/**
 * Housing offers: approved hosts offer a bed, a room or a flat; people who just arrived search by city, dates and
 * number of people, ask, and talk to the host through the bot (copies both ways, "Гость #N" to the host). Reports,
 * blocking and limits keep scammers out. It offers {@code stats} (counts for /stats) and {@code sandbox} (the
 * sandbox's host approved from the start).
 */
@ApplicationModule(allowedDependencies = {"chat", "cluster", "users", "handoff::staff", "knowledge::places",
    "stay::dates"})
package org.relohelp.housing;

import org.springframework.modulith.ApplicationModule;
