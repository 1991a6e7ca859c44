package org.unionbot.adapter.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.http.HttpStatus;

/**
 * Decides which web user a request speaks for.
 *
 * <ul>
 *   <li>Demo ({@code demoIdentities}): the {@code user} the page sends is taken as it is.</li>
 *   <li>Otherwise only a token made by {@link WebLinkSigner}, from header {@value #TOKEN_HEADER} or cookie
 *       {@value #TOKEN_COOKIE}, names the user: absent, forged or expired is 401; a {@code user} in the
 *       request that differs from the token's is 403.</li>
 *   <li>Neither demo nor a secret: the web chat is closed and every request is 401. There is no fallback
 *       to trusting the body.</li>
 * </ul>
 */
final class WebIdentity {
    static final String TOKEN_HEADER = "X-Unionbot-Token";
    static final String TOKEN_COOKIE = "unionbot_token";
    static final int MAX_USER_ID_LENGTH = 64;

    private final WebChatSettings settings;
    private final WebLinkSigner signer;

    WebIdentity(WebChatSettings settings, Clock clock) {
        this.settings = settings;
        this.signer = settings.hasLinkSecret() ? new WebLinkSigner(settings.linkSecret(), clock) : null;
    }

    /**
     * The web user id the request may speak for.
     *
     * @param claimedUser the {@code user} named in the body or query; may be null
     * @throws WebChatException 400, 401 or 403 with the sentence to show
     */
    String resolve(String claimedUser, HttpServletRequest request) {
        if (settings.demoIdentities()) {
            String claimed = normaliseUser(claimedUser);
            if (claimed == null) {
                throw WebChatException.badRequest("request.userMissing");
            }
            return claimed;
        }
        if (signer == null) {
            throw WebChatException.unauthorized("web.closed");
        }
        String token = token(request);
        if (token == null) {
            throw WebChatException.unauthorized("web.token.missing");
        }
        WebLinkSigner.Verification verification = signer.verify(token);
        switch (verification.status()) {
            case EXPIRED -> throw WebChatException.unauthorized("web.token.expired");
            case INVALID -> throw WebChatException.unauthorized("web.token.invalid");
            case VALID -> {
                // fall through to the user check
            }
        }
        String tokenUser = verification.userId();
        if (claimedUser != null && !claimedUser.isBlank() && !claimedUser.strip().equals(tokenUser)) {
            throw new WebChatException(HttpStatus.FORBIDDEN, WebTexts.get("web.user.mismatch"));
        }
        return tokenUser;
    }

    /** Strips the user id; null when absent or blank; 400 when too long or containing control characters. */
    private static String normaliseUser(String user) {
        if (user == null || user.isBlank()) {
            return null;
        }
        String stripped = user.strip();
        if (stripped.codePointCount(0, stripped.length()) > MAX_USER_ID_LENGTH
                || stripped.codePoints().anyMatch(Character::isISOControl)) {
            throw WebChatException.badRequest("request.userInvalid", String.valueOf(MAX_USER_ID_LENGTH));
        }
        return stripped;
    }

    private static String token(HttpServletRequest request) {
        String header = request.getHeader(TOKEN_HEADER);
        if (header != null && !header.isBlank()) {
            return header.strip();
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (TOKEN_COOKIE.equals(cookie.getName()) && cookie.getValue() != null && !cookie.getValue().isBlank()) {
                    return cookie.getValue().strip();
                }
            }
        }
        return null;
    }
}
