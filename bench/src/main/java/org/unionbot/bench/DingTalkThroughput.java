package org.unionbot.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.unionbot.app.UnionBotApplication;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import jakarta.servlet.http.HttpServlet;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * DingTalk messages per second, fully answered, next to {@code /api/chat} in the same JVM and run.
 *
 * <p>The app runs on its embedded default with the demo school and two DingTalk apps: one in HTTP mode,
 * one in Stream mode. DingTalk is faked on loopback: a JDK HTTP server answers the connection-open call and
 * is the session webhook every answer is posted to; an embedded Tomcat WebSocket is the Stream gateway.
 * A message counts once its answer has reached the session webhook (the adapter acknowledges first and
 * works after, so acknowledgements alone would flatter it). Every message has its own msgId (so the
 * duplicate guard writes a row per message) and one of 200 senders; the text is 帮助. {@code /api/chat} gets
 * 帮助 from the 200 demo members with 32 closed-loop clients.
 *
 * <p>The Stream gateway speaks {@code wss} on {@code localhost}, as DingTalk's Stream SDK (which the adapter
 * runs on) accepts nothing else; its self-signed certificate ({@code bench-gateway.p12}) is trusted by
 * pointing this JVM's default trust store at {@code bench-gateway-trust.p12}.
 *
 * <p>Phases alternate (chat, http, stream) twice after a warm-up. Arguments: [messages per DingTalk phase,
 * default 8000] [seconds per chat phase, default 10] [clients, default 32].
 */
public final class DingTalkThroughput {
    static final String HTTP_APP = "benchhttp";
    static final String STREAM_APP = "benchstream";
    static final String SECRET = "bench-app-secret";

    private static final AtomicLong answers = new AtomicLong();
    private static final AtomicLong acks = new AtomicLong();
    private static final List<Session> gatewaySessions = new CopyOnWriteArrayList<>();

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 8000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 32;

        trustTheGateway();
        Tomcat gateway = startGateway();
        int gatewayPort = gateway.getService().findConnectors()[0].getLocalPort();
        HttpServer dingTalk = startDingTalkStub(gatewayPort);
        String base = "http://127.0.0.1:" + dingTalk.getAddress().getPort();
        Path data = Files.createTempDirectory("unionbot-bench");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(UnionBotApplication.class)
                .run("--server.port=0", "--unionbot.data-dir=" + data, "--logging.level.root=WARN",
                        "--server.tomcat.threads.max=64",
                        "--unionbot.dingtalk.api-base-url=" + base, "--unionbot.dingtalk.oapi-base-url=" + base,
                        "--unionbot.dingtalk.apps[0].app-key=" + HTTP_APP,
                        "--unionbot.dingtalk.apps[0].app-secret=" + SECRET,
                        "--unionbot.dingtalk.apps[0].mode=http",
                        "--unionbot.dingtalk.apps[1].app-key=" + STREAM_APP,
                        "--unionbot.dingtalk.apps[1].app-secret=" + SECRET,
                        "--unionbot.dingtalk.apps[1].mode=stream");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            URI chat = URI.create("http://127.0.0.1:" + port + "/api/chat");
            URI callback = URI.create("http://127.0.0.1:" + port + "/callback/dingtalk/robot/" + HTTP_APP);
            String webhook = base + "/session";
            waitFor(() -> !gatewaySessions.isEmpty());

            LoadClient load = new LoadClient();
            java.util.function.IntFunction<String> chatBody = n -> "{\"user\":\"" + user(n) + "\",\"text\":\"帮助\"}";
            load.run("warm-up chat", chat, chatBody, clients, Duration.ofSeconds(Math.max(5, seconds / 2)), r -> true);
            httpPhase("warm-up", callback, webhook, messages / 2, clients);
            streamPhase("warm-up", webhook, messages / 2);

            List<String> rows = new ArrayList<>();
            double chatRate = 0;
            double httpRate = 0;
            double streamRate = 0;
            for (int round = 1; round <= 2; round++) {
                LoadClient.Result r = load.run("chat", chat, chatBody, clients, Duration.ofSeconds(seconds),
                        body -> body.contains("我能帮您做这些事"));
                rows.add(String.format("| /api/chat | %d | %d | %.0f | %.2f | %.2f |", r.requests(), r.errors(),
                        r.perSecond(), r.p50Millis(), r.p99Millis()));
                chatRate += r.perSecond() / 2;
                double[] http = httpPhase("r" + round, callback, webhook, messages, clients);
                rows.add(String.format("| DingTalk HTTP callbacks | %d | %.0f | %.0f | — | — |", messages, http[1],
                        http[0]));
                httpRate += http[0] / 2;
                double[] stream = streamPhase("r" + round, webhook, messages);
                rows.add(String.format("| DingTalk Stream | %d | %.0f | %.0f | — | — |", messages, stream[1],
                        stream[0]));
                streamRate += stream[0] / 2;
            }
            System.out.println();
            System.out.printf("## DingTalk vs /api/chat — %s, %d cores, %d clients, %d msgs per DingTalk phase%n",
                    LocalDateTime.now().withNano(0), Runtime.getRuntime().availableProcessors(), clients, messages);
            System.out.println("| phase | messages | errors / lost | answered msg/s | p50 ms | p99 ms |");
            System.out.println("|---|---|---|---|---|---|");
            rows.forEach(System.out::println);
            System.out.printf("%nmean answered/s: chat %.0f, HTTP callbacks %.0f (%.2f× chat), Stream %.0f (%.2f× chat)%n",
                    chatRate, httpRate, httpRate / chatRate, streamRate, streamRate / chatRate);
        } finally {
            app.close();
            dingTalk.stop(0);
            gateway.stop();
            gateway.destroy();
        }
    }

    /** Signed callbacks from {@code clients} threads; returns {answered per second, refused or lost}. */
    private static double[] httpPhase(String tag, URI callback, String webhook, int count, int clients)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long before = answers.get();
        AtomicInteger next = new AtomicInteger();
        AtomicLong refused = new AtomicLong();
        long timestamp = System.currentTimeMillis();
        String sign = sign(timestamp);
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            new Thread(() -> {
                try {
                    int n;
                    while ((n = next.getAndIncrement()) < count) {
                        HttpRequest request = HttpRequest.newBuilder(callback)
                                .header("Content-Type", "application/json").header("timestamp", Long.toString(timestamp))
                                .header("sign", sign)
                                .POST(HttpRequest.BodyPublishers.ofString(message("h" + tag + "-" + n, n, webhook)))
                                .build();
                        try {
                            if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                                refused.incrementAndGet();
                            }
                        } catch (IOException | InterruptedException e) {
                            refused.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        boolean all = waitFor(() -> answers.get() - before >= count);
        double secondsTaken = (System.nanoTime() - start) / 1e9;
        long lost = all ? refused.get() : count - (answers.get() - before);
        return new double[] {(answers.get() - before) / secondsTaken, lost};
    }

    /** The gateway pushes {@code count} frames down its one socket; returns {answered per second, lost}. */
    private static double[] streamPhase(String tag, String webhook, int count) throws Exception {
        Session session = gatewaySessions.get(gatewaySessions.size() - 1);
        long before = answers.get();
        long acksBefore = acks.get();
        long start = System.nanoTime();
        for (int n = 0; n < count; n++) {
            String frame = "{\"specVersion\":\"1.0\",\"type\":\"CALLBACK\",\"headers\":{\"topic\":"
                    + "\"/v1.0/im/bot/messages/get\",\"messageId\":\"f" + tag + "-" + n + "\",\"contentType\":"
                    + "\"application/json\",\"time\":\"" + System.currentTimeMillis() + "\"},\"data\":"
                    + quote(message("s" + tag + "-" + n, n, webhook)) + "}";
            session.getBasicRemote().sendText(frame);
        }
        boolean all = waitFor(() -> answers.get() - before >= count && acks.get() - acksBefore >= count);
        double secondsTaken = (System.nanoTime() - start) / 1e9;
        return new double[] {(answers.get() - before) / secondsTaken, all ? 0 : count - (answers.get() - before)};
    }

    private static String message(String msgId, int n, String webhook) {
        return "{\"conversationId\":\"cid" + (n % 200) + "\",\"msgId\":\"" + msgId + "\",\"senderNick\":\"老师\","
                + "\"senderStaffId\":\"staff" + (n % 200) + "\",\"sessionWebhookExpiredTime\":"
                + (System.currentTimeMillis() + 3_600_000L) + ",\"createAt\":" + System.currentTimeMillis()
                + ",\"conversationType\":\"1\",\"senderId\":\"$:LWCP_v1:$x\",\"isInAtList\":true,"
                + "\"sessionWebhook\":\"" + webhook + "\",\"robotCode\":\"r\",\"msgtype\":\"text\","
                + "\"text\":{\"content\":\" 帮助\"}}";
    }

    private static String quote(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String sign(long timestamp) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(
                mac.doFinal((timestamp + "\n" + SECRET).getBytes(StandardCharsets.UTF_8)));
    }

    private static String user(int n) {
        int member = n % 200;
        return member == 0 ? "chair" : String.format("t%03d", member);
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    /** The connection-open call and the session webhook every answer is posted to. */
    private static HttpServer startDingTalkStub(int gatewayPort) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/v1.0/gateway/connections/open", exchange -> respond(exchange,
                "{\"endpoint\":\"wss://localhost:" + gatewayPort + "/connect\",\"ticket\":\"bench\"}"));
        server.createContext("/v1.0/oauth2/accessToken", exchange -> respond(exchange,
                "{\"accessToken\":\"bench-token\",\"expireIn\":7200}"));
        server.createContext("/session", exchange -> {
            answers.incrementAndGet();
            respond(exchange, "{\"errcode\":0,\"errmsg\":\"ok\"}");
        });
        server.start();
        return server;
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
        }
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** The SDK builds its TLS context from the JVM default: trust the fake gateway's certificate there. */
    private static void trustTheGateway() throws IOException {
        System.setProperty("javax.net.ssl.trustStore", copyOut("bench-gateway-trust.p12").toString());
        System.setProperty("javax.net.ssl.trustStorePassword", "changeit");
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    }

    private static Path copyOut(String resource) throws IOException {
        Path file = Files.createTempFile("bench-", "-" + resource);
        try (InputStream in = DingTalkThroughput.class.getResourceAsStream("/" + resource)) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        file.toFile().deleteOnExit();
        return file;
    }

    private static Tomcat startGateway() throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("bench-gateway").toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        connector.setSecure(true);
        connector.setScheme("https");
        connector.setProperty("SSLEnabled", "true");
        var ssl = new org.apache.tomcat.util.net.SSLHostConfig();
        var certificate = new org.apache.tomcat.util.net.SSLHostConfigCertificate(ssl,
                org.apache.tomcat.util.net.SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateKeystoreFile(copyOut("bench-gateway.p12").toString());
        certificate.setCertificateKeystorePassword("changeit");
        certificate.setCertificateKeystoreType("PKCS12");
        ssl.addCertificate(certificate);
        connector.addSslHostConfig(ssl);
        tomcat.getService().addConnector(connector);
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "default", new HttpServlet() { });
        context.addServletMappingDecoded("/", "default");
        context.addServletContainerInitializer(new WsSci(), null);
        context.addServletContainerInitializer((classes, servletContext) -> {
            ServerContainer container = (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName());
            try {
                container.addEndpoint(ServerEndpointConfig.Builder.create(Gateway.class, "/connect").build());
            } catch (jakarta.websocket.DeploymentException e) {
                throw new IllegalStateException(e);
            }
        }, null);
        tomcat.start();
        return tomcat;
    }

    /** The fake gateway's end of the socket: counts acknowledgements. */
    public static final class Gateway extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
                if (text.contains("\"code\":200")) {
                    acks.incrementAndGet();
                }
            });
            gatewaySessions.add(session);
        }
    }
}
