package org.unionbot.adapter.dingtalk;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import org.unionbot.core.outbound.DeliveryException;

import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teautil.models.RuntimeOptions;

/**
 * DingTalk's Tea SDK clients ({@code com.aliyun:dingtalk}) for the new-host OpenAPI: OAuth2 (access token),
 * robot (one-to-one and group sends) and interactive cards.
 *
 * <p>The Tea {@link Config} takes the host as {@code endpoint} ("host[:port]") and the scheme as
 * {@code protocol}; both come from {@code unionbot.dingtalk.api-base-url}, so production talks to
 * {@code https://api.dingtalk.com} and tests to WireMock on loopback. The SDK's own retries are off: a
 * failed send is retried by the core's delivery log, which knows whether it is safe to do so.
 */
final class OpenApiClients {
    private final com.aliyun.dingtalkoauth2_1_0.Client oauth2;
    private final com.aliyun.dingtalkrobot_1_0.Client robot;
    private final com.aliyun.dingtalkcard_1_0.Client card;
    private final Duration timeout;

    OpenApiClients(URI apiBaseUrl, Duration timeout) {
        this.timeout = timeout;
        try {
            this.oauth2 = new com.aliyun.dingtalkoauth2_1_0.Client(config(apiBaseUrl));
            this.robot = new com.aliyun.dingtalkrobot_1_0.Client(config(apiBaseUrl));
            this.card = new com.aliyun.dingtalkcard_1_0.Client(config(apiBaseUrl));
        } catch (Exception e) {
            throw new IllegalStateException("DingTalk OpenAPI clients could not be built for " + apiBaseUrl, e);
        }
    }

    /** The Tea config for a base URL such as {@code https://api.dingtalk.com} or {@code http://127.0.0.1:8089}. */
    static Config config(URI apiBaseUrl) {
        if (apiBaseUrl.getHost() == null) {
            throw new IllegalArgumentException("unionbot.dingtalk.api-base-url needs a host: " + apiBaseUrl);
        }
        if (apiBaseUrl.getPath() != null && !apiBaseUrl.getPath().isEmpty() && !"/".equals(apiBaseUrl.getPath())) {
            // The SDK builds "/v1.0/…" paths from the host; a path prefix would be silently dropped.
            throw new IllegalArgumentException("unionbot.dingtalk.api-base-url must not have a path: " + apiBaseUrl);
        }
        Config config = new Config();
        config.protocol = apiBaseUrl.getScheme() == null ? "https" : apiBaseUrl.getScheme();
        config.regionId = "central";
        config.endpoint = apiBaseUrl.getHost() + (apiBaseUrl.getPort() > 0 ? ":" + apiBaseUrl.getPort() : "");
        return config;
    }

    com.aliyun.dingtalkoauth2_1_0.Client oauth2() {
        return oauth2;
    }

    com.aliyun.dingtalkrobot_1_0.Client robot() {
        return robot;
    }

    com.aliyun.dingtalkcard_1_0.Client card() {
        return card;
    }

    /** Per-call options: our timeouts, no SDK retries. */
    RuntimeOptions runtime() {
        RuntimeOptions runtime = new RuntimeOptions();
        runtime.autoretry = false;
        runtime.readTimeout = (int) timeout.toMillis();
        runtime.connectTimeout = (int) Math.min(timeout.toMillis(), 5000);
        return runtime;
    }

    /**
     * Runs one SDK call and turns its failures into the core's terms: an authentication error becomes
     * {@link DingTalkApi.TokenRejected} (asked again once with a new token), throttling, server errors and
     * network failures are transient, everything else (bad robot code, user outside the app …) permanent.
     */
    <T> T call(String what, Callable<T> call) {
        try {
            return call.call();
        } catch (com.aliyun.tea.TeaRetryableException | com.aliyun.tea.TeaUnretryableException e) {
            // The host could not be reached or did not answer in time.
            throw new DeliveryException("DingTalk " + what + " could not be reached", true, e);
        } catch (com.aliyun.teautil.models.TeaUtilException e) {
            // The answer was not JSON: a per-IP ban answers HTML (platforms.md §4); worth another try later.
            throw new DeliveryException("DingTalk " + what + " answered something that is not JSON", true, null);
        } catch (TeaException e) {
            String code = e.getCode() == null ? "" : e.getCode();
            int status = statusOf(e);
            if (status == 401 || code.startsWith("InvalidAuthentication")) {
                throw new DingTalkApi.TokenRejected(code);
            }
            boolean transientFailure = status >= 500 || status == 429 || code.startsWith("Throttling")
                    || code.contains("Flow");
            throw new DeliveryException("DingTalk " + what + " answered " + (status > 0 ? status + " " : "") + code,
                    transientFailure, null);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new DeliveryException("DingTalk " + what + " failed", true, e);
        }
    }

    private static int statusOf(TeaException e) {
        if (e.getStatusCode() != null) {
            return e.getStatusCode();
        }
        Map<String, Object> data = e.getData();
        Object status = data == null ? null : data.get("statusCode");
        if (status instanceof Number number) {
            return number.intValue();
        }
        try {
            return status == null ? 0 : Integer.parseInt(status.toString());
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
