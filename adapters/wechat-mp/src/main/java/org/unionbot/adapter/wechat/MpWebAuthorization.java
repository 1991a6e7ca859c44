package org.unionbot.adapter.wechat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 网页授权 (OAuth 2.0 inside WeChat) with the silent {@code snsapi_base} scope: a page opened from the
 * Official Account learns the follower's openid without asking them anything.
 *
 * <ol>
 *   <li>{@link #authorizeUrl}: send the browser to
 *       {@code https://open.weixin.qq.com/connect/oauth2/authorize?appid=…&redirect_uri=…&response_type=code&scope=snsapi_base&state=…#wechat_redirect};
 *       the redirect URI's domain must be the one entered as 网页授权域名 in the console;</li>
 *   <li>WeChat redirects back with {@code code} (valid 5 minutes, once) and the same {@code state}
 *       (the caller must check it: it is the CSRF guard);</li>
 *   <li>{@link #openIdForCode} exchanges the code at
 *       {@code GET /sns/oauth2/access_token?appid=…&secret=…&code=…&grant_type=authorization_code}. The
 *       user access token in that answer is not kept: only the openid is needed.</li>
 * </ol>
 *
 * The openid then identifies the member exactly as in the chat ({@code MemberRepository.findByIdentity(
 * WECHAT_MP, openid)}), and an unbound follower can be sent to the binding flow.
 */
public final class MpWebAuthorization {
    private static final Pattern STATE = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final WechatMpSettings settings;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final JsonMapper json = JsonMapper.builder().build();

    public MpWebAuthorization(WechatMpSettings settings) {
        this.settings = settings;
        this.base = URI.create(settings.apiBaseUrl().toString().replaceAll("/+$", "") + "/");
    }

    /** Where to send the browser; {@code state} (letters, digits, {@code -_}, ≤ 128) comes back unchanged. */
    public URI authorizeUrl(String appId, URI redirectUri, String state) {
        account(appId);
        if (state == null || !STATE.matcher(state).matches()) {
            throw new IllegalArgumentException("state must be 1-128 letters, digits, - or _");
        }
        return URI.create("https://open.weixin.qq.com/connect/oauth2/authorize?appid=" + enc(appId)
                + "&redirect_uri=" + enc(redirectUri.toString()) + "&response_type=code&scope=snsapi_base&state="
                + state + "#wechat_redirect");
    }

    /** The follower's openid for a code WeChat handed to the redirect URI; throws for an invalid or used code. */
    public String openIdForCode(String appId, String code) {
        WechatMpSettings.Account account = account(appId);
        Objects.requireNonNull(code, "code");
        URI uri = base.resolve("sns/oauth2/access_token?appid=" + enc(appId) + "&secret=" + enc(account.secret())
                + "&code=" + enc(code) + "&grant_type=authorization_code");
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new MpApiException(MpApiException.UNREACHABLE, "HTTP " + response.statusCode(), null);
            }
            JsonNode answer = json.readTree(response.body());
            int errcode = answer.path("errcode").asInt(0);
            if (errcode != 0 || !answer.hasNonNull("openid")) {
                throw new MpApiException(errcode == 0 ? MpApiException.UNREACHABLE : errcode,
                        answer.path("errmsg").asString("no openid"), null);
            }
            return answer.get("openid").asString();
        } catch (java.io.IOException e) {
            throw new MpApiException(MpApiException.UNREACHABLE, e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MpApiException(MpApiException.UNREACHABLE, "interrupted", e);
        }
    }

    private WechatMpSettings.Account account(String appId) {
        return settings.account(appId).orElseThrow(() -> new IllegalArgumentException("no such Official Account configured"));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
