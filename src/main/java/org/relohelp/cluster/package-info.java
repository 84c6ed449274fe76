/**
 * Several instances of the bot on one database (webhook mode): exactly one of them, the leader, handles updates
 * and runs the jobs that must run once. Leadership is a lease row renewed by a conditional update; features ask
 * {@link org.relohelp.cluster.Leadership} before a singleton job. With long polling there is one instance, and it
 * is always the leader.
 */
@ApplicationModule(allowedDependencies = {})
package org.relohelp.cluster;

import org.springframework.modulith.ApplicationModule;
