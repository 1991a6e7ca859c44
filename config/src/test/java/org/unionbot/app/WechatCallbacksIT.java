package org.unionbot.app;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.unionbot.adapter.wecom.WecomGroupRobots;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.roster.RosterFiles;
import org.unionbot.core.member.roster.RosterImporter;
import org.unionbot.core.message.Conversation;
import org.unionbot.core.message.Platform;
import org.unionbot.core.message.Reply;
import org.unionbot.core.outbound.OutboundRouter;
import org.unionbot.core.outbound.Recipient;
import org.unionbot.persistence.testing.TestDatabase;

/**
 * The whole application on a real database with an Official Account and a WeCom app configured, over
 * HTTP: WeChat's encrypted callbacks in, the engine, the database's duplicate guard, encrypted passive
 * replies out (opened here with a few lines of JCE written from the documented algorithm), and the
 * core's router sending through the adapters to WireMock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WechatCallbacksIT {
    static final String APP_ID = "wx1234567890abcdef";
    static final String MP_TOKEN = "unionToken2026";
    static final String AES = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String CORP = "ww0011223344556677";
    static final String CORP_TOKEN = "corpToken";
    static final String CORP_AES = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    static final WireMockServer platform = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    private static final AtomicLong MSG_IDS = new AtomicLong(System.currentTimeMillis());

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        platform.start();
        registry.add("unionbot.db.url", TestDatabase::jdbcUrl);
        registry.add("unionbot.wechat-mp.accounts[0].app-id", () -> APP_ID);
        registry.add("unionbot.wechat-mp.accounts[0].secret", () -> "mp-secret");
        registry.add("unionbot.wechat-mp.accounts[0].token", () -> MP_TOKEN);
        registry.add("unionbot.wechat-mp.accounts[0].aes-key", () -> AES);
        registry.add("unionbot.wechat-mp.api-base-url", platform::baseUrl);
        registry.add("unionbot.wecom.accounts[0].corp-id", () -> CORP);
        registry.add("unionbot.wecom.accounts[0].agent-id", () -> "1000002");
        registry.add("unionbot.wecom.accounts[0].secret", () -> "cp-secret");
        registry.add("unionbot.wecom.accounts[0].token", () -> CORP_TOKEN);
        registry.add("unionbot.wecom.accounts[0].aes-key", () -> CORP_AES);
        registry.add("unionbot.wecom.api-base-url", platform::baseUrl);
        registry.add("unionbot.wecom.group-robots[0].name", () -> "全体教师群");
        registry.add("unionbot.wecom.group-robots[0].key", () -> "robot-key-1");
    }

    @BeforeAll
    static void stubs() {
        platform.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token")).willReturn(okJson("{\"access_token\":\"MPT\",\"expires_in\":7200}")));
        platform.stubFor(post(urlPathEqualTo("/cgi-bin/message/custom/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
    }

    @AfterAll
    static void stop() {
        platform.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    RosterImporter importer;
    @Autowired
    MemberRepository members;
    @Autowired
    OutboundRouter router;
    @Autowired
    WecomGroupRobots robots;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void followerBindsByStaffNumberAndIsThenKnownAcrossCallbacks() throws Exception {
        if (members.findByStaffNo("W001").isEmpty()) {
            importer.importTable(RosterFiles.readCsv(new StringReader("姓名,工号,性别,工会小组,角色,手机\n陈静,W001,女,英语组,会员,13700003333\n")));
        }
        String openId = "oFollower-" + MSG_IDS.incrementAndGet();

        assertThat(oaSay(openId, "我是谁", MSG_IDS.incrementAndGet())).contains("绑定 工号 手机后四位");
        assertThat(oaSay(openId, "绑定 W001 3333", MSG_IDS.incrementAndGet())).contains("绑定成功").contains("陈静");
        long msgId = MSG_IDS.incrementAndGet();
        assertThat(oaSay(openId, "我是谁", msgId)).startsWith("陈静老师，您好。");
        // WeChat's retry of that message: the database's duplicate guard answers "success".
        assertThat(oaPost(openId, "我是谁", msgId).body()).isEqualTo("success");
    }

    /** 网页授权 wired in the application: redirect → code (WireMock) → binding form on the real database → the member's chat page. */
    @Test
    void webAuthorizationBindsAnUnknownFollowerByStaffNumberAndContinues() throws Exception {
        if (members.findByStaffNo("W002").isEmpty()) {
            importer.importTable(RosterFiles.readCsv(new StringReader("姓名,工号,性别,工会小组,角色,手机\n孙丽,W002,女,数学组,会员,13700004444\n")));
        }
        String openId = "oOAuth-" + MSG_IDS.incrementAndGet();
        platform.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/sns/oauth2/access_token"))
                .withQueryParam("code", equalTo("CODE-IT")).willReturn(okJson("{\"access_token\":\"AT\",\"expires_in\":7200,"
                        + "\"refresh_token\":\"RT\",\"openid\":\"" + openId + "\",\"scope\":\"snsapi_base\"}")));
        String base = "http://127.0.0.1:" + port + "/oauth/wechat-mp/" + APP_ID;

        HttpResponse<String> start = http.send(HttpRequest.newBuilder(URI.create(base + "?next=poll:999999")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(start.statusCode()).isEqualTo(302);
        String location = start.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("https://open.weixin.qq.com/connect/oauth2/authorize?appid=" + APP_ID)
                .contains("scope=snsapi_base");
        String state = java.net.URLDecoder.decode(location.replaceAll(".*[?&]state=([^&#]+).*", "$1"), StandardCharsets.UTF_8);
        String cookie = start.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/callback?code=CODE-IT&state="
                        + java.net.URLEncoder.encode(state, StandardCharsets.UTF_8))).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("请先绑定教职工身份");
        String ticket = form.body().replaceAll("(?s).*name=\"ticket\" value=\"([^\"]+)\".*", "$1");

        HttpResponse<String> bound = http.send(HttpRequest.newBuilder(URI.create(base + "/bind"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("ticket=" + java.net.URLEncoder.encode(ticket, StandardCharsets.UTF_8)
                                + "&staffNo=W002&phoneTail=4444")).build(),
                HttpResponse.BodyHandlers.ofString());
        // bound on the real database; poll 999999 does not exist, so the hand-off says so instead of guessing
        assertThat(members.findByIdentity(Platform.WECHAT_MP, openId)).map(m -> m.name()).contains("孙丽");
        assertThat(bound.statusCode()).isEqualTo(404);
        assertThat(bound.body()).contains("已不存在");
    }

    @Test
    void theCoreRouterSendsOfficialAccountMessagesAsCustomerServiceMessages() {
        router.deliver(new Recipient(Platform.WECHAT_MP, Conversation.privateWith("oRouted"), "oRouted"), Reply.text("投票结果已公布"));
        platform.verify(postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send")).withQueryParam("access_token", equalTo("MPT"))
                .withRequestBody(equalToJson("{\"touser\":\"oRouted\",\"msgtype\":\"text\",\"text\":{\"content\":\"投票结果已公布\"}}")));
    }

    @Test
    void weComMessageIsAnsweredWithAnEncryptedReply() throws Exception {
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        String xml = "<xml><ToUserName><![CDATA[" + CORP + "]]></ToUserName><FromUserName><![CDATA[SomeTeacher]]></FromUserName>"
                + "<CreateTime>" + ts + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[帮助]]></Content>"
                + "<MsgId>" + MSG_IDS.incrementAndGet() + "</MsgId><AgentID>1000002</AgentID></xml>";
        String encrypted = encrypt(CORP_AES, xml, CORP);
        String query = "timestamp=" + ts + "&nonce=abc&msg_signature=" + sha1(CORP_TOKEN, ts, "abc", encrypted);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/callback/wecom/" + CORP + "/1000002?" + query))
                .POST(HttpRequest.BodyPublishers.ofString("<xml><ToUserName><![CDATA[" + CORP + "]]></ToUserName><Encrypt><![CDATA["
                        + encrypted + "]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(open(response.body(), CORP_TOKEN, CORP_AES, CORP)).contains("我能帮您做这些事");
        assertThat(robots.names()).containsExactly("全体教师群");
    }

    @Test
    void forgedCallbackIsRefusedOverHttp() throws Exception {
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/callback/wechat-mp/" + APP_ID + "?timestamp=" + ts + "&nonce=n&signature=" + "0".repeat(40)))
                .POST(HttpRequest.BodyPublishers.ofString("<xml></xml>")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
    }

    private String oaSay(String openId, String text, long msgId) throws Exception {
        HttpResponse<String> response = oaPost(openId, text, msgId);
        assertThat(response.statusCode()).isEqualTo(200);
        return open(response.body(), MP_TOKEN, AES, APP_ID);
    }

    private HttpResponse<String> oaPost(String openId, String text, long msgId) throws Exception {
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        String xml = "<xml><ToUserName><![CDATA[gh_union]]></ToUserName><FromUserName><![CDATA[" + openId + "]]></FromUserName>"
                + "<CreateTime>" + ts + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + text + "]]></Content>"
                + "<MsgId>" + msgId + "</MsgId></xml>";
        String encrypted = encrypt(AES, xml, APP_ID);
        String query = "signature=" + sha1(MP_TOKEN, ts, "nonce1") + "&timestamp=" + ts + "&nonce=nonce1&openid=" + openId
                + "&encrypt_type=aes&msg_signature=" + sha1(MP_TOKEN, ts, "nonce1", encrypted);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/callback/wechat-mp/" + APP_ID + "?" + query))
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<xml><ToUserName><![CDATA[gh_union]]></ToUserName><Encrypt><![CDATA["
                        + encrypted + "]]></Encrypt></xml>", StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    // --- the platform's side, from the documented algorithm (platforms.md §0), not the production class ---

    static String sha1(String... parts) throws Exception {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
    }

    static String encrypt(String aesKey, String message, String receiveId) throws Exception {
        byte[] key = Base64.getDecoder().decode(aesKey + "=");
        byte[] msg = message.getBytes(StandardCharsets.UTF_8);
        byte[] id = receiveId.getBytes(StandardCharsets.UTF_8);
        int length = 20 + msg.length + id.length;
        int pad = 32 - length % 32;
        ByteBuffer buffer = ByteBuffer.allocate(length + pad).put(new byte[16]).putInt(msg.length).put(msg).put(id);
        while (buffer.hasRemaining()) {
            buffer.put((byte) pad);
        }
        Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
        return Base64.getEncoder().encodeToString(aes.doFinal(buffer.array()));
    }

    static String open(String replyXml, String token, String aesKey, String receiveId) throws Exception {
        String encrypted = between(replyXml, "Encrypt");
        assertThat(between(replyXml, "MsgSignature"))
                .isEqualTo(sha1(token, between(replyXml, "TimeStamp"), between(replyXml, "Nonce"), encrypted));
        byte[] key = Base64.getDecoder().decode(aesKey + "=");
        Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
        byte[] plain = aes.doFinal(Base64.getDecoder().decode(encrypted));
        int pad = plain[plain.length - 1];
        int length = ByteBuffer.wrap(plain, 16, 4).getInt();
        assertThat(new String(plain, 20 + length, plain.length - pad - 20 - length, StandardCharsets.UTF_8)).isEqualTo(receiveId);
        return between(new String(plain, 20, length, StandardCharsets.UTF_8), "Content");
    }

    private static String between(String xml, String tag) {
        String inner = xml.substring(xml.indexOf("<" + tag + ">") + tag.length() + 2, xml.indexOf("</" + tag + ">"));
        return inner.replaceAll("^<!\\[CDATA\\[|]]>$", "");
    }
}
