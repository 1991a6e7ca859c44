package org.unionbot.adapter.wecom;

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
import java.util.function.IntFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The WeCom HTTP API as the adapter needs it: access tokens ({@code GET /cgi-bin/gettoken}, one per app
 * secret; unlike the Official Account, a new WeCom token does not invalidate the others, so instances
 * need no shared store) and JSON POSTs with the token. A token is reused until 200 s before it expires;
 * 40001/40014/42001 refresh it once and retry once; busy (-1) is retried twice with a doubling pause.
 * Plain {@link HttpClient}, so the host is {@code unionbot.wecom.api-base-url} (WireMock in tests).
 */
public final class WecomApi {
    private static final Set<Integer> TOKEN_ERRORS = Set.of(40001, 40014, 42001);
    private static final Duration EARLY_EXPIRY = Duration.ofSeconds(200);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI base;
    private final Clock clock;
    private final Duration retryBackoff;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, Instant refreshAfter) {}

    public WecomApi(URI base, Clock clock, Duration retryBackoff) {
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
        this.clock = clock;
        this.retryBackoff = retryBackoff;
    }

    JsonMapper json() {
        return json;
    }

    URI base() {
        return base;
    }

    String accessToken(WecomSettings.Account account) {
        Token token = tokens.get(key(account));
        if (token != null && clock.instant().isBefore(token.refreshAfter())) {
            return token.value();
        }
        return refresh(account, null);
    }

    private synchronized String refresh(WecomSettings.Account account, String rejected) {
        Token current = tokens.get(key(account));
        if (current != null && (rejected == null || !current.value().equals(rejected))
                && clock.instant().isBefore(current.refreshAfter())) {
            return current.value();
        }
        URI uri = base.resolve("cgi-bin/gettoken?corpid=" + enc(account.corpId()) + "&corpsecret=" + enc(account.secret()));
        JsonNode answer = exchange(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build());
        int errcode = answer.path("errcode").asInt(0);
        if (errcode != 0 || !answer.hasNonNull("access_token")) {
            throw new WecomApiException(errcode == 0 ? WecomApiException.UNREACHABLE : errcode,
                    answer.path("errmsg").asString("no access_token"), null);
        }
        String value = answer.get("access_token").asString();
        tokens.put(key(account), new Token(value,
                clock.instant().plusSeconds(answer.path("expires_in").asLong(7200)).minus(EARLY_EXPIRY)));
        return value;
    }

    /**
     * POSTs to {@code path?access_token=…}. {@code body} is built per attempt (attempt 0 is the first), so
     * that a retry can differ, e.g. ask for WeCom's duplicate check.
     */
    JsonNode post(WecomSettings.Account account, String path, IntFunction<ObjectNode> body) {
        String token = accessToken(account);
        boolean tokenRetried = false;
        int busyRetries = 0;
        int attempt = 0;
        while (true) {
            JsonNode answer;
            try {
                answer = postJson(base.resolve(path + "?access_token=" + enc(token)), body.apply(attempt++));
            } catch (WecomApiException unreachable) {
                if (busyRetries >= 2) {
                    throw unreachable;
                }
                pause(retryBackoff.multipliedBy(1L << busyRetries++));
                continue;
            }
            int errcode = answer.path("errcode").asInt(0);
            if (errcode == 0) {
                return answer;
            }
            if (TOKEN_ERRORS.contains(errcode) && !tokenRetried) {
                tokenRetried = true;
                token = refresh(account, token);
                continue;
            }
            if (errcode == -1 && busyRetries < 2) {
                pause(retryBackoff.multipliedBy(1L << busyRetries++));
                continue;
            }
            throw new WecomApiException(errcode, answer.path("errmsg").asString(""), null);
        }
    }

    /** POSTs JSON to an absolute URL (the group robot's webhook) and returns the answer. */
    JsonNode postJson(URI uri, ObjectNode body) {
        return exchange(HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
                .build());
    }

    private JsonNode exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new WecomApiException(WecomApiException.UNREACHABLE, "HTTP " + response.statusCode(), null);
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new WecomApiException(WecomApiException.UNREACHABLE, e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WecomApiException(WecomApiException.UNREACHABLE, "interrupted", e);
        } catch (tools.jackson.core.JacksonException e) {
            throw new WecomApiException(WecomApiException.UNREACHABLE, "answer is not JSON", e);
        }
    }

    private static String key(WecomSettings.Account account) {
        return account.corpId() + "/" + account.agentId();
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
