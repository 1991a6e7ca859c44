package org.unionbot.adapter.web.poll;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.unionbot.adapter.web.WebLinkSigner;
import org.unionbot.core.poll.Poll;

/**
 * Personal poll links: "/poll/vote?t=…" lets one member vote in one poll without logging in;
 * "/poll/export?t=…" lets one committee member download one poll's result. The token is the web chat's
 * HMAC scheme ({@link WebLinkSigner}) over "purpose:member:poll", with a key derived from the configured
 * link secret for this purpose only, so a chat link is never a ballot link and vice versa. Without a
 * configured secret (the demo) a random key is made at start-up: links then die with the process.
 */
public final class PollLinks {
    static final String VOTE = "vote";
    static final String EXPORT = "export";

    private final WebLinkSigner signer;
    private final String baseUrl;
    private final Clock clock;

    public PollLinks(String linkSecret, String baseUrl, Clock clock) {
        String secret = linkSecret != null ? linkSecret + "|poll-links" : randomSecret();
        this.signer = new WebLinkSigner(secret, clock);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.clock = clock;
    }

    /** Valid until a day after the deadline, so the voter can still look at the page after closing. */
    public String voteUrl(Poll poll, long memberId) {
        Instant until = poll.spec().deadline().plus(Duration.ofDays(1));
        return baseUrl + "/poll/vote?t=" + signer.sign(VOTE + ":" + memberId + ":" + poll.id(), until);
    }

    public String exportUrl(Poll poll, long memberId, String format) {
        return baseUrl + "/poll/export?format=" + format + "&t="
                + signer.sign(EXPORT + ":" + memberId + ":" + poll.id(), clock.instant().plus(Duration.ofHours(1)));
    }

    /** (member, poll) of a valid token for the purpose, else empty. */
    public Optional<long[]> verify(String token, String purpose) {
        var v = signer.verify(token);
        if (!v.isValid()) {
            return Optional.empty();
        }
        String[] parts = v.userId().split(":");
        if (parts.length != 3 || !parts[0].equals(purpose)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String randomSecret() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return new String(HexFormat.of().formatHex(b).getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII);
    }
}
