package org.unionbot.adapter.wecom;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.common.util.http.RequestExecutor;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;
import org.unionbot.crypto.WxHttpClient;

/**
 * WxJava's {@link WxCpService}, one per self-built app plus one without credentials for the group
 * robots' webhooks, all pointed at {@code unionbot.wecom.api-base-url} ({@code setBaseApiUrl}) and sending
 * with {@link WxHttpClient} (certificates verified, no automatic retries).
 *
 * <p>WxJava does: {@code GET /cgi-bin/gettoken} (one token per app secret; a new WeCom token does not
 * invalidate the others, so instances need no shared store), reuse until 200 s before expiry, and on
 * 40001/40014/42001 expire, fetch once more and retry the call once; the JSON of app messages and robot
 * messages ({@code WxCpMessage}, {@code WxCpGroupRobotMessage}).
 *
 * <p>What we change: WxJava's busy-retry loop ({@code BaseWxCpServiceImpl.execute}) is bypassed. In
 * 4.7.3.B it turns every error on the last attempt into a generic {@code WxRuntimeException} without the
 * errcode (so "invalid user" could not be told from "busy"), and it re-sends the very same body, while a
 * retried app message must ask WeCom for its duplicate check ({@link WecomMessenger} retries itself).
 */
public final class WecomClients {
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, WxCpService> apps = new HashMap<>();
    private final WxCpService webhooks;
    private final String baseUrl;

    public WecomClients(WecomSettings settings, Clock clock) {
        this.baseUrl = settings.apiBaseUrl().toString().replaceAll("/+$", "");
        for (WecomSettings.Account account : settings.accounts()) {
            ClockedConfig config = new ClockedConfig(clock);
            config.setCorpId(account.corpId());
            config.setAgentId(Math.toIntExact(account.agentId()));
            config.setCorpSecret(account.secret());
            config.setToken(account.token());
            config.setAesKey(account.aesKey());
            apps.put(key(account.corpId(), account.agentId()), service(config));
        }
        this.webhooks = service(new ClockedConfig(clock));
    }

    private WxCpService service(WxCpDefaultConfigImpl config) {
        config.setBaseApiUrl(baseUrl);
        config.setApacheHttpClientBuilder(new WxHttpClient(TIMEOUT));
        WxCpServiceImpl service = new SingleAttemptCpService();
        service.setWxCpConfigStorage(config);
        return service;
    }

    /** WxJava's service for one app. */
    public WxCpService app(String corpId, long agentId) {
        WxCpService service = apps.get(key(corpId, agentId));
        if (service == null) {
            throw new IllegalArgumentException("no such WeCom app configured");
        }
        return service;
    }

    /** The service that posts to group robot webhooks (no token). */
    WxCpService webhooks() {
        return webhooks;
    }

    /** {@code base/cgi-bin/webhook/send?key=…} for a robot. */
    String webhookUrl(String key) {
        return baseUrl + "/cgi-bin/webhook/send?key=" + java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A WxJava call whose failures are reported as {@link WecomApiException}. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws WxErrorException;
    }

    static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (WxErrorException e) {
            int code = e.getError() == null ? WecomApiException.UNREACHABLE : e.getError().getErrorCode();
            if (code == -99) { // WxJava's "no answer" (I/O)
                code = WecomApiException.UNREACHABLE;
            }
            throw new WecomApiException(code, e.getError() == null ? String.valueOf(e.getMessage()) : e.getError().getErrorMsg(), e);
        } catch (WxRuntimeException e) {
            // WxJava wraps I/O failures and failed token fetches this way.
            throw new WecomApiException(WecomApiException.UNREACHABLE, String.valueOf(e.getMessage()), e);
        }
    }

    private static String key(String corpId, long agentId) {
        return corpId + "/" + agentId;
    }

    /** One attempt per call (token refresh included); see the class comment for why. */
    private static final class SingleAttemptCpService extends WxCpServiceImpl {
        @Override
        public <T, E> T execute(RequestExecutor<T, E> executor, String uri, E data) throws WxErrorException {
            return executeInternal(executor, uri, data, false);
        }
    }

    /** WxJava's in-memory token store, timed by our clock (tests move it). */
    private static final class ClockedConfig extends WxCpDefaultConfigImpl {
        private static final long serialVersionUID = 1L;
        private final transient Clock clock;

        ClockedConfig(Clock clock) {
            this.clock = clock;
        }

        @Override
        public boolean isAccessTokenExpired() {
            return clock.millis() > getExpiresTime();
        }

        @Override
        public synchronized void updateAccessToken(String accessToken, int expiresInSeconds) {
            setAccessToken(accessToken);
            setExpiresTime(clock.millis() + (expiresInSeconds - 200) * 1000L);
        }
    }
}
