package org.unionbot.adapter.dingtalk;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One app's Stream-mode connection (platforms.md §3.3), written on the JDK's WebSocket against the
 * documented wire protocol: {@code POST /v1.0/gateway/connections/open} gives an endpoint and a ticket, the
 * gateway then sends JSON frames and expects an answer frame per {@code messageId}.
 *
 * <p>Why not the SDK's client: it answers a callback only when the listener returns and reconnects out of
 * sight. Here a callback is acknowledged first, and only then handed to its topic handler (which queues the
 * work), so DingTalk never redelivers because we were slow. A watchdog reopens a connection that closed,
 * failed or heard nothing (not even the gateway's ping) for {@code silenceLimit}; each loss is logged at
 * WARNING with its reason. Messages the gateway redelivers after a reconnect carry their old {@code msgId}
 * and are dropped by the engine's duplicate guard.
 */
final class StreamClient implements AutoCloseable {
    static final String BOT_TOPIC = "/v1.0/im/bot/messages/get";
    static final String CARD_TOPIC = "/v1.0/card/instances/callback";
    private static final System.Logger LOG = System.getLogger(StreamClient.class.getName());
    private static final byte[] PING = "unionbot".getBytes(StandardCharsets.US_ASCII);

    private final DingTalkSettings.App app;
    private final DingTalkApi api;
    private final HttpClient http;
    private final Duration silenceLimit;
    private final Map<String, Consumer<JsonNode>> topics;
    private final ScheduledExecutorService timer;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private volatile WebSocket socket;
    private volatile long lastHeardNanos = System.nanoTime();
    private volatile boolean closed;
    private ScheduledFuture<?> watchdog;
    private final Object sendLock = new Object();
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

    StreamClient(DingTalkSettings.App app, DingTalkApi api, HttpClient http, Duration silenceLimit,
                 Map<String, Consumer<JsonNode>> topics, ScheduledExecutorService timer) {
        this.app = app;
        this.api = api;
        this.http = http;
        this.silenceLimit = silenceLimit;
        this.topics = Map.copyOf(topics);
        this.timer = timer;
    }

    /** Connects (retrying from the watchdog when the gateway is not reachable yet) and starts the watchdog. */
    void start() {
        long period = Math.max(50, silenceLimit.toMillis() / 4);
        watchdog = timer.scheduleWithFixedDelay(this::watch, period, period, TimeUnit.MILLISECONDS);
        long gen = generation.get();
        timer.execute(() -> reconnect(gen));
    }

    /** How many connections were opened so far; the first is 1. */
    long connectionsOpened() {
        return connections.get();
    }

    boolean connected() {
        WebSocket ws = socket;
        return ws != null && !ws.isInputClosed() && !ws.isOutputClosed();
    }

    private void watch() {
        if (closed) {
            return;
        }
        long gen = generation.get();
        if (!connected()) {
            reconnect(gen);
        } else if (System.nanoTime() - lastHeardNanos > silenceLimit.toNanos()) {
            LOG.log(System.Logger.Level.WARNING, "DingTalk Stream connection of app {0} silent for over {1}; reopening",
                    app.appKey(), silenceLimit);
            reconnect(gen);
        } else {
            // A quiet gateway is not a dead one: a WebSocket ping gets a pong from a live peer, so only a
            // connection that stopped answering reaches the silence limit.
            WebSocket ws = socket;
            if (ws != null) {
                ws.sendPing(java.nio.ByteBuffer.wrap(PING)).exceptionally(failed -> null);
            }
        }
    }

    /** Replaces the connection of generation {@code expected}; a stale trigger (already replaced) does nothing. */
    private synchronized void reconnect(long expected) {
        if (closed || generation.get() != expected) {
            return;
        }
        WebSocket old = socket;
        socket = null;
        long gen = generation.incrementAndGet();
        if (old != null) {
            old.abort();
        }
        try {
            JsonNode open = api.openStreamConnection(app, List.copyOf(topics.keySet()));
            String endpoint = open.path("endpoint").asString("");
            String ticket = open.path("ticket").asString("");
            URI uri = URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + "ticket="
                    + URLEncoder.encode(ticket, StandardCharsets.UTF_8));
            WebSocket ws = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(uri, new Listener(gen)).get(15, TimeUnit.SECONDS);
            lastHeardNanos = System.nanoTime();
            synchronized (sendLock) {
                sending = CompletableFuture.completedFuture(null);
            }
            socket = ws;
            connections.incrementAndGet();
            LOG.log(System.Logger.Level.INFO, "DingTalk Stream connected for app {0}", app.appKey());
        } catch (Exception failed) {
            if (failed instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // Logged, never swallowed: the watchdog tries again on its next tick.
            LOG.log(System.Logger.Level.WARNING, "DingTalk Stream connection of app " + app.appKey()
                    + " could not be opened; retrying", failed);
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final long gen;
        private final StringBuilder partial = new StringBuilder();

        Listener(long gen) {
            this.gen = gen;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                if (gen == generation.get()) {
                    lastHeardNanos = System.nanoTime();
                    onFrame(ws, frame);
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket ws, java.nio.ByteBuffer message) {
            if (gen == generation.get()) {
                lastHeardNanos = System.nanoTime();
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket ws, java.nio.ByteBuffer message) {
            lastHeardNanos = System.nanoTime();
            return WebSocket.Listener.super.onPing(ws, message);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            if (gen == generation.get() && !closed) {
                LOG.log(System.Logger.Level.WARNING, "DingTalk Stream connection of app {0} closed by the gateway"
                        + " ({1} {2}); reopening", app.appKey(), statusCode, reason);
                timer.execute(() -> reconnect(gen));
            }
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            if (gen == generation.get() && !closed) {
                LOG.log(System.Logger.Level.WARNING, "DingTalk Stream connection of app " + app.appKey()
                        + " failed; reopening", error);
                timer.execute(() -> reconnect(gen));
            }
        }

        private void onFrame(WebSocket ws, String text) {
            JsonNode frame;
            try {
                frame = DingTalkJson.read(text);
            } catch (JacksonException e) {
                LOG.log(System.Logger.Level.WARNING, "DingTalk Stream frame is not JSON; ignored");
                return;
            }
            String type = frame.path("type").asString("");
            JsonNode headers = frame.path("headers");
            String topic = headers.path("topic").asString("");
            String messageId = headers.path("messageId").asString("");
            String data = frame.path("data").asString("");
            switch (type) {
                case "SYSTEM" -> {
                    if ("ping".equals(topic)) {
                        send(ws, ack(messageId, data));
                    } else if ("disconnect".equals(topic)) {
                        LOG.log(System.Logger.Level.INFO, "DingTalk Stream gateway asked app {0} to reconnect",
                                app.appKey());
                        timer.execute(() -> reconnect(gen));
                    }
                }
                case "CALLBACK" -> {
                    Consumer<JsonNode> handler = topics.get(topic);
                    // Acknowledge first, wait until the frame is out, then queue the work.
                    CompletableFuture<?> acked = send(ws, ack(messageId, "{\"response\":{}}"));
                    try {
                        acked.get(5, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        LOG.log(System.Logger.Level.WARNING, "DingTalk Stream acknowledgement not sent; the gateway"
                                + " will redeliver", e);
                        return;
                    }
                    if (handler != null) {
                        try {
                            handler.accept(DingTalkJson.read(data));
                        } catch (JacksonException e) {
                            LOG.log(System.Logger.Level.WARNING, "DingTalk Stream callback data is not JSON");
                        }
                    }
                }
                case "EVENT" -> send(ws, ack(messageId, "{\"status\":\"SUCCESS\",\"message\":\"success\"}"));
                default -> LOG.log(System.Logger.Level.DEBUG, "DingTalk Stream frame type {0} ignored", type);
            }
        }
    }

    private static String ack(String messageId, String data) {
        ObjectNode ack = DingTalkJson.object().put("code", 200).put("message", "OK");
        ack.putObject("headers").put("messageId", messageId).put("contentType", "application/json")
                .put("time", Long.toString(System.currentTimeMillis()));
        ack.put("data", data);
        return DingTalkJson.write(ack);
    }

    /** The JDK WebSocket allows one outstanding send: chain them. */
    private CompletableFuture<?> send(WebSocket ws, String text) {
        synchronized (sendLock) {
            sending = sending.handle((ok, failed) -> null).thenCompose(ignored -> ws.sendText(text, true));
            return sending;
        }
    }

    @Override
    public void close() {
        closed = true;
        if (watchdog != null) {
            watchdog.cancel(false);
        }
        WebSocket ws = socket;
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "shutdown").orTimeout(2, TimeUnit.SECONDS)
                    .exceptionally(e -> null);
        }
    }
}
