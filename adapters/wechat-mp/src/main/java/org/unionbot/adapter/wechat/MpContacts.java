package org.unionbot.adapter.wechat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this instance learned from callbacks about each follower: which account they wrote to and when
 * they last did. Customer-service messages are allowed only within 48 hours of the follower's last
 * message (platforms.md §4), so the outbound uses this to choose between a customer-service message and
 * a template message, and an openid (per account) tells which account to send from.
 *
 * <p>In memory and per instance: a deferred answer is sent by the instance that received the message,
 * which always knows. A reminder for a follower this instance has not seen falls back to the template
 * message, which needs no window.
 */
final class MpContacts {
    static final Duration CUSTOMER_SERVICE_WINDOW = Duration.ofHours(48);
    private static final int MAX_ENTRIES = 200_000;

    private record Contact(String appId, Instant lastMessage) {}

    private final Map<String, Contact> byOpenId = new ConcurrentHashMap<>();
    private final Clock clock;

    MpContacts(Clock clock) {
        this.clock = clock;
    }

    void sawMessage(String appId, String openId) {
        if (byOpenId.size() >= MAX_ENTRIES) {
            Instant cutoff = clock.instant().minus(CUSTOMER_SERVICE_WINDOW);
            byOpenId.values().removeIf(c -> c.lastMessage().isBefore(cutoff));
        }
        byOpenId.put(openId, new Contact(appId, clock.instant()));
    }

    Optional<String> accountOf(String openId) {
        return Optional.ofNullable(byOpenId.get(openId)).map(Contact::appId);
    }

    /** True while a customer-service message may reach the follower (48 h after their last message). */
    boolean inCustomerServiceWindow(String openId) {
        Contact contact = byOpenId.get(openId);
        return contact != null && clock.instant().isBefore(contact.lastMessage().plus(CUSTOMER_SERVICE_WINDOW));
    }
}
