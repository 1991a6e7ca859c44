package org.unionbot.adapter.dingtalk;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

import jakarta.servlet.http.HttpServlet;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

import tools.jackson.databind.JsonNode;

/**
 * DingTalk's Stream gateway, faked on loopback with an embedded Tomcat WebSocket: it accepts connections on
 * {@code /connect?ticket=…}, sends frames as the real gateway does (platforms.md §3.3) and records every
 * frame the client answers, with the time it arrived.
 *
 * <p>It speaks {@code wss} only, as the real gateway does: DingTalk's Stream SDK registers a transport for
 * {@code wss} alone and checks the host name. The certificate ({@code fake-gateway.p12}, self-signed for
 * {@code localhost}, made with keytool for these tests) is trusted through {@link #trustItForThisJvm()},
 * which points the JVM's default trust store at {@code fake-gateway-trust.p12}; the SDK builds its TLS
 * context from that default.
 */
final class FakeStreamGateway implements AutoCloseable {
    record Received(long nanos, JsonNode frame) {
    }

    private final Tomcat tomcat = new Tomcat();
    private final Connector connector = new Connector();
    final List<Session> sessions = new CopyOnWriteArrayList<>();
    final List<String> tickets = new CopyOnWriteArrayList<>();
    final List<Received> received = new CopyOnWriteArrayList<>();

    FakeStreamGateway() throws IOException, LifecycleException {
        tomcat.setBaseDir(Files.createTempDirectory("fake-gateway").toString());
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        connector.setSecure(true);
        connector.setScheme("https");
        connector.setProperty("SSLEnabled", "true");
        var ssl = new org.apache.tomcat.util.net.SSLHostConfig();
        var certificate = new org.apache.tomcat.util.net.SSLHostConfigCertificate(ssl,
                org.apache.tomcat.util.net.SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateKeystoreFile(resource("fake-gateway.p12"));
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
            ServerContainer container = (ServerContainer) servletContext
                    .getAttribute(ServerContainer.class.getName());
            try {
                container.addEndpoint(ServerEndpointConfig.Builder.create(GatewayEndpoint.class, "/connect")
                        .configurator(new ServerEndpointConfig.Configurator() {
                            @Override
                            @SuppressWarnings("unchecked")
                            public <T> T getEndpointInstance(Class<T> type) {
                                return (T) new GatewayEndpoint(FakeStreamGateway.this);
                            }
                        }).build());
            } catch (jakarta.websocket.DeploymentException e) {
                throw new IllegalStateException(e);
            }
        }, null);
        tomcat.start();
    }

    String endpoint() {
        return "wss://localhost:" + port() + "/connect";
    }

    private static String resource(String name) {
        try {
            return java.nio.file.Path.of(FakeStreamGateway.class.getResource("/" + name).toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes the JVM's default trust store the fake gateway's certificate (test JVMs only). */
    static void trustItForThisJvm() {
        System.setProperty("javax.net.ssl.trustStore", resource("fake-gateway-trust.p12"));
        System.setProperty("javax.net.ssl.trustStorePassword", "changeit");
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    }

    int port() {
        return connector.getLocalPort();
    }

    Session current() {
        return sessions.get(sessions.size() - 1);
    }

    void send(Session session, String type, String topic, String messageId, String data) throws IOException {
        var frame = DingTalkJson.object().put("specVersion", "1.0").put("type", type);
        frame.putObject("headers").put("topic", topic).put("messageId", messageId)
                .put("contentType", "application/json").put("time", Long.toString(System.currentTimeMillis()))
                .put("appId", "app-id");
        frame.put("data", data);
        synchronized (session) {
            session.getBasicRemote().sendText(DingTalkJson.write(frame));
        }
    }

    void sendRobotMessage(Session session, String frameId, String robotMessageJson) throws IOException {
        send(session, "CALLBACK", StreamClient.BOT_TOPIC, frameId, robotMessageJson);
    }

    /** The answer frame for {@code messageId}, if it came. */
    java.util.Optional<Received> answerTo(String messageId) {
        return received.stream().filter(r -> messageId.equals(r.frame().path("headers").path("messageId").asString("")))
                .findFirst();
    }

    /** Drops the connection as a failing gateway would. */
    void drop(Session session) throws IOException {
        session.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "gateway restarting"));
    }

    @Override
    public void close() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }

    public static final class GatewayEndpoint extends Endpoint {
        private final FakeStreamGateway gateway;

        public GatewayEndpoint(FakeStreamGateway gateway) {
            this.gateway = gateway;
        }

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            gateway.tickets.add(session.getRequestParameterMap().getOrDefault("ticket", List.of("")).get(0));
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text ->
                    gateway.received.add(new Received(System.nanoTime(), DingTalkJson.read(text))));
            gateway.sessions.add(session);
        }
    }
}
