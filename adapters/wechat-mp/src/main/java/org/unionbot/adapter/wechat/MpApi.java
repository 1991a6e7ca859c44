package org.unionbot.adapter.wechat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The WeChat Official Account HTTP API as the adapter needs it: access tokens and JSON POSTs.
 *
 * <p>Tokens come from the <b>stable-token</b> API ({@code POST /cgi-bin/stable_token}): unlike the classic
 * {@code /cgi-bin/token}, fetching one does not invalidate the token another instance holds, so several
 * instances can run without a shared token store (platforms.md §5.1). A token is reused until 200 s
 * before it expires. When the platform still rejects it (40001, 40014, 42001) it is refreshed once and the
 * call retried once; if the stable API hands back the very token just rejected, the refresh is forced.
 * A "system busy" answer (-1) is retried twice with a doubling pause.
 *
 * <p>Plain {@link HttpClient} rather than WxJava's service classes, so that the whole API can be pointed
 * at {@code unionbot.wechat-mp.api-base-url} (WireMock in tests) and every request is visible here.
 */
public final class MpApi {
    private static final Set<Integer> TOKEN_ERRORS = Set.of(40001, 40014, 42001);
    private static final Duration EARLY_EXPIRY = Duration.ofSeconds(200);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI base;
    private final Clock clock;
    private final Duration retryBackoff;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, Instant refreshAfter) {}

    public MpApi(URI base, Clock clock, Duration retryBackoff) {
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
        this.clock = clock;
        this.retryBackoff = retryBackoff;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    JsonMapper json() {
        return json;
    }

    /** The account's current access token, fetched through the stable-token API when needed. */
    public String accessToken(WechatMpSettings.Account account) {
        Token token = tokens.get(account.appId());
        if (token != null && clock.instant().isBefore(token.refreshAfter())) {
            return token.value();
        }
        return refresh(account, null, false); // expiry, not rejection: the same token back is fine
    }

    private synchronized String refresh(WechatMpSettings.Account account, String rejected, boolean force) {
        Token current = tokens.get(account.appId());
        if (!force && current != null && !current.value().equals(rejected)
                && clock.instant().isBefore(current.refreshAfter())) {
            return current.value(); // another thread refreshed meanwhile
        }
        ObjectNode body = json.createObjectNode()
                .put("grant_type", "client_credential")
                .put("appid", account.appId())
                .put("secret", account.secret())
                .put("force_refresh", force);
        JsonNode answer = send(base.resolve("cgi-bin/stable_token"), body);
        int errcode = answer.path("errcode").asInt(0);
        if (errcode != 0 || !answer.hasNonNull("access_token")) {
            throw new MpApiException(errcode == 0 ? MpApiException.UNREACHABLE : errcode,
                    answer.path("errmsg").asString("no access_token in answer"), null);
        }
        String value = answer.get("access_token").asString();
        long expiresIn = answer.path("expires_in").asLong(7200);
        tokens.put(account.appId(), new Token(value,
                clock.instant().plusSeconds(expiresIn).minus(EARLY_EXPIRY)));
        if (!force && value.equals(rejected)) {
            // The stable API answers with the current token; if that is the one just refused, force a new one.
            return refresh(account, rejected, true);
        }
        return value;
    }

    /** POSTs JSON to {@code path?access_token=…}; returns the answer or throws {@link MpApiException}. */
    public JsonNode post(WechatMpSettings.Account account, String path, ObjectNode body) {
        String token = accessToken(account);
        boolean tokenRetried = false;
        int busyRetries = 0;
        while (true) {
            JsonNode answer = send(base.resolve(path + "?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)), body);
            int errcode = answer.path("errcode").asInt(0);
            if (errcode == 0) {
                return answer;
            }
            if (TOKEN_ERRORS.contains(errcode) && !tokenRetried) {
                tokenRetried = true;
                token = refresh(account, token, false);
                continue;
            }
            if (errcode == -1 && busyRetries < 2) {
                pause(retryBackoff.multipliedBy(1L << busyRetries));
                busyRetries++;
                continue;
            }
            throw new MpApiException(errcode, answer.path("errmsg").asString(""), null);
        }
    }

    private JsonNode send(URI uri, ObjectNode body) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new MpApiException(MpApiException.UNREACHABLE, "HTTP " + response.statusCode(), null);
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new MpApiException(MpApiException.UNREACHABLE, e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MpApiException(MpApiException.UNREACHABLE, "interrupted", e);
        } catch (tools.jackson.core.JacksonException e) {
            throw new MpApiException(MpApiException.UNREACHABLE, "answer is not JSON", e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
