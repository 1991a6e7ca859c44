package org.unionbot.adapter.wechat;

import java.util.Optional;

/**
 * Where 网页授权 hands a recognised member over to: the signed per-member pages of the web adapter (the
 * poll ballot page, the web chat where suggestions are made). Implemented by the composition root, which
 * knows the web adapter's link signing, so this adapter does not depend on it.
 */
public interface MpMemberPages {
    /** The address members' phones reach this service at, e.g. {@code https://union.example.edu.cn}. */
    String publicBaseUrl();

    /** The HMAC key for OAuth state and binding tickets (at least 32 bytes). */
    String signingSecret();

    /** True when {@code next} names a page kind this service has ({@code poll:<id>}, {@code chat}, {@code suggestion}). */
    boolean knows(String next);

    /** The member's own signed link to {@code next}; empty when the page cannot be made for them (e.g. no such poll). */
    Optional<String> pageFor(long memberId, String next);
}
