/**
 * People: profiles (language, country), /start, /country, /lang, /mute, /privacy, /forget and retention, which
 * every feature follows through {@link UserForgotten} and {@link RetentionDue}.
 */
@ApplicationModule(allowedDependencies = {"chat", "cluster"})
package org.relohelp.users;

import org.springframework.modulith.ApplicationModule;
