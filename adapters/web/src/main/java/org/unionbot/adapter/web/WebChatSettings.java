package org.unionbot.adapter.web;

import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the web chat, bound from {@code unionbot.web.*}.
 *
 * <p>Who is talking is decided here: with {@code demoIdentities} the page lets anyone pick any roster
 * member (a local demo, never a school's real deployment); otherwise the identity comes only from a link
 * signed with {@code linkSecret}, and without a secret the web chat is closed. The body's {@code user}
 * field is never trusted outside the demo.
 *
 * @param demoIdentities trust the {@code user} named in the request (demo and local trials only)
 * @param linkSecret HMAC key for personal chat links ({@link WebLinkSigner}); null or blank for none,
 *     otherwise at least {@value #MIN_SECRET_BYTES} bytes. Never logged: {@link #toString()} masks it.
 * @param maxTextLength the longest message accepted, in characters (Unicode code points, so an emoji
 *     counts once); 1 to {@value #MAX_TEXT_LENGTH_CAP}, so that it always fits the 64 KB request limit
 */
@ConfigurationProperties("unionbot.web")
public record WebChatSettings(
        boolean demoIdentities,
        String linkSecret,
        @DefaultValue("2000") int maxTextLength) {

    public static final int DEFAULT_MAX_TEXT_LENGTH = 2000;
    public static final int MAX_TEXT_LENGTH_CAP = 5000;
    public static final int MIN_SECRET_BYTES = 32;

    public WebChatSettings {
        linkSecret = linkSecret == null || linkSecret.isBlank() ? null : linkSecret;
        if (linkSecret != null && linkSecret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            // The message names the rule, never the value.
            throw new IllegalArgumentException("unionbot.web.link-secret must be at least " + MIN_SECRET_BYTES
                    + " bytes long (e.g. 48 random characters); leave it empty to disable signed links");
        }
        if (maxTextLength < 1 || maxTextLength > MAX_TEXT_LENGTH_CAP) {
            throw new IllegalArgumentException("unionbot.web.max-text-length must be between 1 and "
                    + MAX_TEXT_LENGTH_CAP + " but was " + maxTextLength);
        }
    }

    /** Local demo: pick any member, no links. */
    public static WebChatSettings demo() {
        return new WebChatSettings(true, null, DEFAULT_MAX_TEXT_LENGTH);
    }

    /** Real use: identities from links signed with {@code linkSecret}. */
    public static WebChatSettings signedLinks(String linkSecret) {
        return new WebChatSettings(false, linkSecret, DEFAULT_MAX_TEXT_LENGTH);
    }

    public boolean hasLinkSecret() {
        return linkSecret != null;
    }

    /** Neither demo identities nor a link secret: every chat request is refused. */
    public boolean closed() {
        return !demoIdentities && linkSecret == null;
    }

    @Override
    public String toString() {
        return "WebChatSettings[demoIdentities=" + demoIdentities
                + ", linkSecret=" + (linkSecret == null ? "(none)" : "******")
                + ", maxTextLength=" + maxTextLength + "]";
    }
}
