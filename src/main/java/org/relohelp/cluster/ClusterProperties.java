package org.relohelp.cluster;

import java.net.InetAddress;
import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Several instances in webhook mode.
 *
 * @param instanceId  this instance's name in the lease ({@code RELOHELP_INSTANCE_ID}); by default the host name and
 *                    a random suffix, so two instances on one host never share it
 * @param lease       how long a leader's lease lasts without renewal: the longest wait for a new leader after
 *                    the leader dies
 * @param renewEvery  how often the leader renews it; the leader stops leading {@code renew-every} before its lease
 *                    runs out, so a renewal that fails, or clocks a little apart, never leave two leaders
 * @param inboxPoll   how often the leader looks for updates the other instances stored
 */
@ConfigurationProperties("relohelp.cluster")
public record ClusterProperties(String instanceId,
                                @DefaultValue("15s") Duration lease,
                                @DefaultValue("3s") Duration renewEvery,
                                @DefaultValue("150ms") Duration inboxPoll) {

    public ClusterProperties {
        instanceId = instanceId == null ? "" : instanceId.strip();
        if (instanceId.length() > 100) {
            throw new IllegalArgumentException("RELOHELP_INSTANCE_ID must be at most 100 characters");
        }
        if (renewEvery.isNegative() || renewEvery.isZero() || renewEvery.multipliedBy(2).compareTo(lease) > 0) {
            throw new IllegalArgumentException("relohelp.cluster.renew-every must be positive and at most half of "
                    + "relohelp.cluster.lease");
        }
        if (inboxPoll.isNegative() || inboxPoll.isZero()) {
            throw new IllegalArgumentException("relohelp.cluster.inbox-poll must be positive");
        }
    }

    /**
     * The configured id, or the host name and a random suffix. Computed once, by the lease keeper, and only in
     * webhook mode: looking up the host name can wait for DNS.
     */
    String resolveInstanceId() {
        if (!instanceId.isEmpty()) {
            return instanceId;
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException unknown) {
            host = "relohelp";
        }
        return (host.length() > 80 ? host.substring(0, 80) : host) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
