package org.unionbot.core.notify;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A reminder to fan out.
 *
 * @param sourceKey identifies the reminder in the delivery log: the same key never reaches a member twice
 * @param day the day the reminder is about; birthday audiences are the members born on it
 * @param preferredChannel the platform code to use when a member has several, or null
 * @param excludedMembers members who unsubscribed: recorded as skipped, not sent
 */
public record Notice(String sourceKey, List<Audience> audience, LocalDate day, String text, boolean urgent,
                     String preferredChannel, Set<Long> excludedMembers) {
    public Notice {
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(text, "text");
        audience = List.copyOf(audience);
        excludedMembers = excludedMembers == null ? Set.of() : Set.copyOf(excludedMembers);
        if (sourceKey.length() > 180) {
            throw new IllegalArgumentException("source key too long");
        }
    }
}
