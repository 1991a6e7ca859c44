package org.unionbot.adapter.dingtalk;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.dingtalk.open.app.api.KeepAliveOption;
import com.dingtalk.open.app.api.OpenDingTalkClient;
import com.dingtalk.open.app.api.OpenDingTalkStreamClientBuilder;
import com.dingtalk.open.app.api.callback.OpenDingTalkCallbackListener;
import com.dingtalk.open.app.api.security.DingTalkCredential;

import tools.jackson.core.JacksonException;

/**
 * One app's Stream-mode connection (platforms.md §3.3) on DingTalk's {@code app-stream-client}.
 *
 * <ul>
 *   <li><b>Ack first, work after.</b> The SDK answers a callback frame with whatever the listener returns,
 *       and only once it returns. Our listeners therefore only parse the frame and queue the work on the
 *       adapter's workers ({@link DingTalkInbound}), then return an empty response at once: the
 *       acknowledgement goes out while the work runs, never after it, so DingTalk does not redeliver
 *       because the engine was slow. Redeliveries that still happen (a lost ack, a reconnect) carry the
 *       same {@code msgId} and are dropped by the engine's duplicate guard.
 *   <li><b>Watchdog.</b> The SDK pings the gateway after {@code keepAliveIdle} without traffic, closes a
 *       connection whose ping is not answered within 5 s, and its pool task reopens a closed or dropped
 *       connection every 5 s. Each (re)open asks our {@link DingTalkCredential} for the secret; that is where
 *       every reconnect is counted and logged at WARNING (the SDK's own log of the cause goes through Netty's
 *       logger to JUL and Spring's logging), so a loss is never swallowed.
 *   <li><b>Host.</b> The SDK hard-codes {@code https://api.dingtalk.com} for the open-connection call and offers
 *       only {@code preEnv()} as a public alternative; its builder keeps the host in a private
 *       {@code openApiHost(String)}. For any other {@code unionbot.dingtalk.api-base-url} (tests, a proxy
 *       gateway) that method is invoked reflectively; an SDK version without it fails at start, loudly.
 *       The WebSocket endpoint itself is whatever the open call answers.
 * </ul>
 */
final class StreamClient implements AutoCloseable {
    static final String BOT_TOPIC = "/v1.0/im/bot/messages/get";
    static final String CARD_TOPIC = "/v1.0/card/instances/callback";
    static final String DEFAULT_HOST = "https://api.dingtalk.com";
    private static final System.Logger LOG = System.getLogger(StreamClient.class.getName());
    /** Threads the SDK hands frames to; our listeners only queue, so two are plenty. */
    private static final int CONSUMER_THREADS = 2;

    private final DingTalkSettings.App app;
    private final OpenDingTalkClient client;
    private final AtomicLong opens = new AtomicLong();
    private volatile long lastOpenNanos;
    private volatile boolean closed;

    StreamClient(DingTalkSettings.App app, URI apiBaseUrl, Duration keepAliveIdle,
                 Map<String, Consumer<tools.jackson.databind.JsonNode>> topics) {
        this.app = app;
        OpenDingTalkStreamClientBuilder builder = OpenDingTalkStreamClientBuilder.custom()
                .credential(new LoggingCredential())
                .consumeThreads(CONSUMER_THREADS)
                // The SDK default (3 s) is short for a TLS handshake on a busy host; a timed-out open is retried
                // in 5 s anyway, but each failure is an ERROR in the log.
                .connectTimeout(10_000L)
                .keepAlive(KeepAliveOption.create().withKeepAliveIdleMill(Math.max(1000L, keepAliveIdle.toMillis())));
        topics.forEach((topic, handler) -> builder.registerCallbackListener(topic, new Listener(topic, handler)));
        pointAt(builder, apiBaseUrl);
        this.client = builder.build();
    }

    /** Starts the SDK's connection pool; the first connection opens in the background at once. */
    void start() {
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("DingTalk Stream client of app " + app.appKey() + " did not start", e);
        }
    }

    /** How many connections were opened (or tried) so far; the first is 1. */
    long connectionsOpened() {
        return opens.get();
    }

    /**
     * Points the SDK's open-connection call at {@code apiBaseUrl}. The default host needs nothing; DingTalk's
     * pre-release host has the public {@code preEnv()}; any other host uses the builder's private setter.
     */
    static void pointAt(OpenDingTalkStreamClientBuilder builder, URI apiBaseUrl) {
        String host = apiBaseUrl.toString();
        if (host.endsWith("/")) {
            host = host.substring(0, host.length() - 1);
        }
        if (DEFAULT_HOST.equals(host)) {
            return;
        }
        if ("https://pre-api.dingtalk.com".equals(host)) {
            builder.preEnv();
            return;
        }
        try {
            Method setter = OpenDingTalkStreamClientBuilder.class.getDeclaredMethod("openApiHost", String.class);
            setter.setAccessible(true);
            setter.invoke(builder, host);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException
                 | RuntimeException e) {
            throw new IllegalStateException("this app-stream-client version cannot be pointed at " + host
                    + "; use " + DEFAULT_HOST + " for unionbot.dingtalk.api-base-url with Stream mode", e);
        }
    }

    /** The app's credentials; each call is one (re)open of the connection, which is what makes it loggable. */
    private final class LoggingCredential implements DingTalkCredential {
        @Override
        public String getClientId() {
            return app.appKey();
        }

        @Override
        public String getClientSecret() {
            long n = opens.incrementAndGet();
            long now = System.nanoTime();
            if (n == 1) {
                LOG.log(System.Logger.Level.INFO, "DingTalk Stream connecting for app {0}", app.appKey());
            } else if (!closed) {
                LOG.log(System.Logger.Level.WARNING, "DingTalk Stream connection of app {0} lost, dropped or not"
                        + " yet open; reopening (attempt {1}, {2} s after the previous one)", app.appKey(), n,
                        Duration.ofNanos(now - lastOpenNanos).toSeconds());
            }
            lastOpenNanos = now;
            return app.appSecret();
        }
    }

    /**
     * Hands one topic's frames to its handler and answers with an empty response. The frame's data arrives
     * as the JSON text DingTalk sent (the SDK converts it to the listener's {@code String} parameter).
     */
    private static final class Listener implements OpenDingTalkCallbackListener<String, Map<String, Object>> {
        private static final long serialVersionUID = 1L;
        private final String topic;
        private final transient Consumer<tools.jackson.databind.JsonNode> handler;

        Listener(String topic, Consumer<tools.jackson.databind.JsonNode> handler) {
            this.topic = topic;
            this.handler = handler;
        }

        @Override
        public Map<String, Object> execute(String data) {
            try {
                handler.accept(DingTalkJson.read(data == null ? "" : data));
            } catch (JacksonException e) {
                // Acknowledged anyway: a frame we cannot read would only be redelivered unreadable.
                LOG.log(System.Logger.Level.WARNING, "DingTalk Stream frame on {0} is not JSON; dropped", topic);
            }
            return Map.of();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            client.stop();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "DingTalk Stream client of app " + app.appKey()
                    + " did not stop cleanly", e);
        }
    }
}
