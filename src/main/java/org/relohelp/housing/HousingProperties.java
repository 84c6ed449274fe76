package org.relohelp.housing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param requestsPerMinute  requests one person may send to hosts within a minute
 * @param requestsPerHour    and within an hour
 * @param offersPerHost      open offers (live, paused or hidden) one host may have at a time
 * @param reportsToHide      reports by different people that hide an offer until an admin looks at it
 * @param maxPeople          the most people one offer or request may be for
 * @param daysAhead          how far ahead an offer or a stay may start, and how long it may last, in days
 * @param pageSize           offers shown per page of search results
 * @param inviteValidity     how long a host invitation link works
 * @param blockKept          how long a host block is remembered (the id and the day only), also after the person's
 *                           /forget: no invitation makes them a host, and /addhost tells the admin of the block
 */
@ConfigurationProperties("relohelp.housing")
public record HousingProperties(@DefaultValue("3") int requestsPerMinute,
                                @DefaultValue("10") int requestsPerHour,
                                @DefaultValue("3") int offersPerHost,
                                @DefaultValue("2") int reportsToHide,
                                @DefaultValue("20") int maxPeople,
                                @DefaultValue("365") int daysAhead,
                                @DefaultValue("5") int pageSize,
                                @DefaultValue("24h") Duration inviteValidity,
                                @DefaultValue("365d") Duration blockKept) {
}
