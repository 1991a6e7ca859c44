package org.unionbot.persistence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants travel to and from the database as UTC {@link LocalDateTime}s. The driver passes a
 * LocalDateTime through unchanged, so what is stored does not depend on the JVM's or the session's time
 * zone, and two instances in different zones agree on every expiry.
 */
final class DbTime {

    private DbTime() {}

    static LocalDateTime toDb(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant fromDb(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC);
    }
}
