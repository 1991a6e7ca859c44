package org.unionbot.adapter.wechat;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.bean.oauth2.WxOAuth2AccessToken;

/**
 * 网页授权 (OAuth 2.0 inside WeChat) with the silent {@code snsapi_base} scope, through WxJava's
 * {@code WxOAuth2Service}: a page opened from the Official Account learns the follower's openid without
 * asking them anything.
 *
 * <ol>
 *   <li>{@link #authorizeUrl}: the browser goes to
 *       {@code https://open.weixin.qq.com/connect/oauth2/authorize?appid=…&redirect_uri=…&response_type=code&scope=snsapi_base&state=…#wechat_redirect};
 *       the redirect URI's domain must be the one entered as 网页授权域名 in the console;</li>
 *   <li>WeChat redirects back with {@code code} (valid 5 minutes, once) and the same {@code state}
 *       (the caller checks it: see {@link OAuthState}, the CSRF guard);</li>
 *   <li>{@link #openIdForCode} exchanges the code at {@code GET /sns/oauth2/access_token} (on
 *       {@code api-base-url}). The user access token in that answer is not kept: only the openid is needed.</li>
 * </ol>
 */
public final class MpWebAuthorization {
    private static final Pattern STATE = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
    /** WeChat's codes are short letters and digits; anything else is refused before it reaches a URL. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private final MpClients clients;

    public MpWebAuthorization(MpClients clients) {
        this.clients = clients;
    }

    /** Where to send the browser; {@code state} (letters, digits, {@code -_.}, ≤ 128) comes back unchanged. */
    public URI authorizeUrl(String appId, URI redirectUri, String state) {
        if (state == null || !STATE.matcher(state).matches()) {
            throw new IllegalArgumentException("state must be 1-128 letters, digits, '-', '_' or '.'");
        }
        return URI.create(clients.service(appId).getOAuth2Service()
                .buildAuthorizationUrl(redirectUri.toString(), WxConsts.OAuth2Scope.SNSAPI_BASE, state));
    }

    /** The follower's openid for a code WeChat handed to the redirect URI; throws for an invalid or used code. */
    public String openIdForCode(String appId, String code) {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new MpApiException(40029, "invalid code", null);
        }
        WxOAuth2AccessToken token = clients.call(appId, wx -> wx.getOAuth2Service().getAccessToken(code));
        if (token == null || token.getOpenId() == null || token.getOpenId().isBlank()) {
            throw new MpApiException(MpApiException.UNREACHABLE, "no openid in the answer", null);
        }
        return token.getOpenId();
    }
}
