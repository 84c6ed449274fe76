/**
 * "Until when may I stay?": stay rules, the calculator, dates in what people write, the /stay dialogue and
 * reminders. It offers {@code rules} (the stay rules, for the admins' stale list) and {@code dates} (the country's
 * today and the reader of dates in what people write, for housing).
 */
@ApplicationModule(allowedDependencies = {"chat", "cluster", "users", "knowledge::places", "knowledge::staleness",
    "knowledge::settings"})
package org.relohelp.stay;

import org.springframework.modulith.ApplicationModule;
