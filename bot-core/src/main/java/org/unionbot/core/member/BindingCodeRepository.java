package org.unionbot.core.member;

import java.time.Instant;
import java.util.Optional;

/**
 * One-time binding codes. Only a hash of each code is stored, so a database reader cannot bind as
 * someone else.
 */
public interface BindingCodeRepository {

    /** Stores a new code for the member; earlier unused codes of the member stay valid until expiry. */
    void store(String codeHash, long memberId, Instant expiresAt);

    /**
     * Marks the code used and returns its member, if the code exists, is unused and has not expired at
     * {@code now}. Atomic: of two concurrent consumers, one wins.
     */
    Optional<Long> consume(String codeHash, Instant now);
}
