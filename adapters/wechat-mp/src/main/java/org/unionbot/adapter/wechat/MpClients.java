package org.unionbot.adapter.wechat;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.unionbot.crypto.WxHttpClient;

/**
 * One WxJava {@link WxMpService} per configured Official Account: WxJava owns the API calls (access
 * tokens, customer-service and template messages, 网页授权), this class only configures it.
 *
 * <ul>
 *   <li>Tokens come from the <b>stable-token</b> API ({@code useStableAccessToken}): fetching one does not
 *       invalidate the token another instance holds, so several instances need no shared token store
 *       (platforms.md §5.1). WxJava reuses a token until 200 s before it expires; when the platform
 *       rejects it (40001, 40014, 42001) WxJava marks it expired, fetches again once and retries the call
 *       once. We never ask for {@code force_refresh}: a forced refresh is rationed by WeChat and would cut
 *       short the tokens of the other instances, which is exactly what the stable API is meant to avoid.</li>
 *   <li>"System busy" (-1) is retried by WxJava twice, after {@code retry-backoff} and twice that.</li>
 *   <li>Every API host is {@code unionbot.wechat-mp.api-base-url} ({@link WxMpHostConfig#setApiHost}), so
 *       tests send all of it to WireMock; the browser-facing authorize page stays on open.weixin.qq.com.</li>
 *   <li>The HTTP client is {@link WxHttpClient} (certificates verified, no automatic retries).</li>
 *   <li>Token expiry is measured on the application's {@link Clock}, not {@code System.currentTimeMillis}.</li>
 * </ul>
 */
public final class MpClients {
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int BUSY_RETRIES = 2;

    private final Map<String, WxMpService> services = new HashMap<>();

    public MpClients(WechatMpSettings settings, Clock clock) {
        String apiHost = settings.apiBaseUrl().toString().replaceAll("/+$", "");
        for (WechatMpSettings.Account account : settings.accounts()) {
            ClockedConfig config = new ClockedConfig(clock);
            config.setAppId(account.appId());
            config.setSecret(account.secret());
            config.setToken(account.token());
            config.setAesKey(account.aesKey());
            config.useStableAccessToken(true);
            WxMpHostConfig hosts = new WxMpHostConfig();
            hosts.setApiHost(apiHost);
            config.setHostConfig(hosts);
            config.setApacheHttpClientBuilder(new WxHttpClient(TIMEOUT));
            WxMpServiceImpl service = new WxMpServiceImpl();
            service.setRetrySleepMillis(Math.toIntExact(settings.retryBackoff().toMillis()));
            service.setMaxRetryTimes(BUSY_RETRIES);
            service.setWxMpConfigStorage(config);
            services.put(account.appId(), service);
        }
    }

    /** WxJava's service for the account. */
    public WxMpService service(String appId) {
        WxMpService service = services.get(appId);
        if (service == null) {
            throw new IllegalArgumentException("no such Official Account configured");
        }
        return service;
    }

    /** A WxJava call whose failures are reported as {@link MpApiException}. */
    @FunctionalInterface
    interface Call<T> {
        T run(WxMpService service) throws WxErrorException;
    }

    <T> T call(String appId, Call<T> call) {
        WxMpService service = service(appId);
        try {
            return call.run(service);
        } catch (WxErrorException e) {
            throw MpApiException.of(e);
        } catch (WxRuntimeException e) {
            // WxJava wraps I/O failures, failed token fetches and exhausted busy retries this way.
            throw new MpApiException(MpApiException.UNREACHABLE, String.valueOf(e.getMessage()), e);
        }
    }

    /** WxJava's in-memory token store, timed by our clock (tests move it; production uses the system clock). */
    private static final class ClockedConfig extends WxMpDefaultConfigImpl {
        private static final long serialVersionUID = 1L;
        private final transient Clock clock;

        ClockedConfig(Clock clock) {
            this.clock = clock;
        }

        @Override
        public boolean isAccessTokenExpired() {
            return clock.millis() > this.expiresTime;
        }

        @Override
        public synchronized void updateAccessToken(String accessToken, int expiresInSeconds) {
            this.accessToken = accessToken;
            this.expiresTime = clock.millis() + (expiresInSeconds - 200) * 1000L;
        }
    }
}
