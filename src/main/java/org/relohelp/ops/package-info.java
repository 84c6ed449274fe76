/**
 * Health and Prometheus metrics on the loopback management port; knows no feature.
 */
@ApplicationModule(allowedDependencies = {})
package org.relohelp.ops;

import org.springframework.modulith.ApplicationModule;
