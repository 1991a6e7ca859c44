package org.unionbot.adapter.wechat;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.unionbot.core.member.PlatformIdentity;
import org.unionbot.core.message.Platform;
import org.unionbot.core.testing.ConversationHarness;
import org.unionbot.core.testing.Roster;

/**
 * 网页授权 end to end over HTTP: redirect with a signed state and a browser nonce → WeChat's code →
 * openid from WireMock's {@code /sns/oauth2/access_token} → the member's signed page, or the binding form
 * first; and every way it must refuse (forged, other browser, expired, unknown or used code).
 */
class MpOAuthControllerTest {
    @RegisterExtension
    static WireMockExtension wx = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private static final String APP = "wxb11529c136998cb6";
    private static final String PUBLIC = "https://union.example.edu.cn";

    private final ConversationHarness harness = Roster.smallSchool(ConversationHarness.create());
    private MockMvc mvc;
    private long wangId;

    /** Pages as the composition root would sign them; here a recognisable stand-in URL per member. */
    private final MpMemberPages pages = new MpMemberPages() {
        @Override
        public String publicBaseUrl() {
            return PUBLIC;
        }

        @Override
        public String signingSecret() {
            return "a-test-secret-that-is-long-enough-0123456789";
        }

        @Override
        public boolean knows(String next) {
            return next.equals("chat") || next.equals("suggestion") || next.startsWith("poll:");
        }

        @Override
        public Optional<String> pageFor(long memberId, String next) {
            return next.equals("poll:404") ? Optional.empty() : Optional.of(PUBLIC + "/signed/" + next + "/member-" + memberId);
        }
    };

    @BeforeEach
    void setUp() {
        wangId = harness.members.findByIdentity(Platform.WEB, "t001").orElseThrow().id();
        WechatMpSettings settings = new WechatMpSettings(List.of(new WechatMpSettings.Account(APP, "the-app-secret", "pamtest", null)),
                URI.create(wx.baseUrl()));
        MpOAuthController controller = new MpOAuthController(settings, new MpWebAuthorization(new MpClients(settings, harness.clock)),
                harness.members, harness.binding, pages, harness.clock);
        mvc = MockMvcBuilders.standaloneSetup(controller).build();
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private record Started(String state, Cookie nonce) {}

    private Started start(String next) throws Exception {
        MvcResult result = mvc.perform(MockMvcRequestBuilders.get("/oauth/wechat-mp/" + APP).param("next", next))
                .andExpect(status().isFound()).andReturn();
        String location = result.getResponse().getHeader("Location");
        assertThat(location).startsWith("https://open.weixin.qq.com/connect/oauth2/authorize?appid=" + APP
                + "&redirect_uri=" + java.net.URLEncoder.encode(PUBLIC + "/oauth/wechat-mp/" + APP + "/callback", StandardCharsets.UTF_8)
                        .replace("+", "%20")
                + "&response_type=code&scope=snsapi_base&state=");
        assertThat(location).endsWith("#wechat_redirect");
        Matcher m = Pattern.compile("state=([^&#]+)").matcher(location);
        assertThat(m.find()).isTrue();
        Cookie nonce = result.getResponse().getCookie(MpOAuthController.NONCE_COOKIE);
        assertThat(nonce).isNotNull();
        assertThat(nonce.isHttpOnly()).isTrue();
        assertThat(nonce.getSecure()).isTrue();
        return new Started(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8), nonce);
    }

    private static void codeGives(String code, String openId) {
        wx.stubFor(get(urlPathEqualTo("/sns/oauth2/access_token")).withQueryParam("code", equalTo(code)).willReturn(okJson(
                "{\"access_token\":\"USER_AT\",\"expires_in\":7200,\"refresh_token\":\"RT\",\"openid\":\"" + openId
                        + "\",\"scope\":\"snsapi_base\"}")));
    }

    private MvcResult callback(Started s, String code) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get("/oauth/wechat-mp/" + APP + "/callback")
                .param("code", code).param("state", s.state()).cookie(s.nonce())).andReturn();
    }

    @Test
    void aBoundFollowerGoesStraightToTheirSignedPollPage() throws Exception {
        harness.members.bindIdentity(new PlatformIdentity(Platform.WECHAT_MP, "oWang", wangId));
        codeGives("CODE-1", "oWang");
        Started s = start("poll:7");

        MvcResult result = callback(s, "CODE-1");

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getHeader("Location")).isEqualTo(PUBLIC + "/signed/poll:7/member-" + wangId);
        wx.verify(exactly(1), getRequestedFor(urlPathEqualTo("/sns/oauth2/access_token"))
                .withQueryParam("appid", equalTo(APP)).withQueryParam("secret", equalTo("the-app-secret"))
                .withQueryParam("code", equalTo("CODE-1")).withQueryParam("grant_type", equalTo("authorization_code")));
    }

    @Test
    void anUnboundFollowerBindsWithACodeAndThenContinues() throws Exception {
        codeGives("CODE-2", "oNew");
        Started s = start("suggestion");

        MvcResult form = callback(s, "CODE-2");
        assertThat(form.getResponse().getStatus()).isEqualTo(200);
        String html = form.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("请先绑定教职工身份").doesNotContain("oNew"); // the openid only travels signed
        String ticket = field(html, "ticket");

        // a wrong code: refused, nothing bound, the form again
        mvc.perform(post("/oauth/wechat-mp/" + APP + "/bind").param("ticket", ticket).param("code", "WRONG234"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("不正确")));
        assertThat(harness.members.findByIdentity(Platform.WECHAT_MP, "oNew")).isEmpty();

        String code = harness.binding.issueCode(wangId);
        mvc.perform(post("/oauth/wechat-mp/" + APP + "/bind").param("ticket", ticket).param("code", code.toLowerCase()))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", PUBLIC + "/signed/suggestion/member-" + wangId));
        assertThat(harness.members.findByIdentity(Platform.WECHAT_MP, "oNew")).map(m -> m.id()).contains(wangId);
    }

    @Test
    void aForgedTicketBindsNothing() throws Exception {
        String code = harness.binding.issueCode(wangId);
        mvc.perform(post("/oauth/wechat-mp/" + APP + "/bind").param("ticket", "b05lbnxjaGF0fDk5OTk5OTk5OTk.AAAAAAAAAAAAAAAAAAAAAA")
                        .param("code", code))
                .andExpect(status().isForbidden());
        assertThat(harness.members.identitiesOf(wangId)).noneMatch(i -> i.platform() == Platform.WECHAT_MP);
    }

    @Test
    void aForgedStateIsRefusedBeforeAnyCodeExchange() throws Exception {
        Started s = start("chat");
        String forged = s.state().substring(0, s.state().indexOf('.')) + ".AAAAAAAAAAAAAAAAAAAAAA";

        MvcResult result = callback(new Started(forged, s.nonce()), "CODE-3");

        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("链接无效");
        wx.verify(exactly(0), getRequestedFor(urlPathEqualTo("/sns/oauth2/access_token")));
    }

    @Test
    void aStateFromAnotherBrowserIsRefused() throws Exception {
        Started victim = start("chat");
        Started attacker = start("chat");

        MvcResult result = callback(new Started(victim.state(), attacker.nonce()), "CODE-4");
        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        MvcResult noCookie = mvc.perform(MockMvcRequestBuilders.get("/oauth/wechat-mp/" + APP + "/callback")
                .param("code", "CODE-4").param("state", victim.state())).andReturn();
        assertThat(noCookie.getResponse().getStatus()).isEqualTo(403);
        wx.verify(exactly(0), getRequestedFor(urlPathEqualTo("/sns/oauth2/access_token")));
    }

    @Test
    void anExpiredStateIsRefused() throws Exception {
        Started s = start("poll:7");
        harness.clock.advance(MpOAuthTokens.STATE_LIFETIME.plus(Duration.ofSeconds(1)));

        MvcResult result = callback(s, "CODE-5");

        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("已过期");
        wx.verify(exactly(0), getRequestedFor(urlPathEqualTo("/sns/oauth2/access_token")));
    }

    @Test
    void anUnknownOrUsedCodeGetsTheDocumentedErrorAndAClearPage() throws Exception {
        wx.stubFor(get(urlPathEqualTo("/sns/oauth2/access_token")).willReturn(okJson("{\"errcode\":40029,\"errmsg\":\"invalid code\"}")));
        Started s = start("poll:7");

        MvcResult result = callback(s, "USED-CODE");

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("微信授权未完成或已使用");
        wx.verify(exactly(1), getRequestedFor(urlPathEqualTo("/sns/oauth2/access_token")).withQueryParam("code", equalTo("USED-CODE")));
    }

    @Test
    void weChatDownIsReportedAsSuch() throws Exception {
        wx.stubFor(get(urlPathEqualTo("/sns/oauth2/access_token")).willReturn(aResponse().withStatus(503)));
        Started s = start("poll:7");
        assertThat(callback(s, "CODE-6").getResponse().getStatus()).isEqualTo(502);
    }

    @Test
    void unknownTargetsAndAccountsAreRefusedUpFront() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/oauth/wechat-mp/" + APP).param("next", "https://evil.example/"))
                .andExpect(status().isBadRequest());
        mvc.perform(MockMvcRequestBuilders.get("/oauth/wechat-mp/" + APP).param("next", "admin"))
                .andExpect(status().isBadRequest());
        mvc.perform(MockMvcRequestBuilders.get("/oauth/wechat-mp/wxunknown").param("next", "chat"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aPageThatNoLongerExistsSaysSo() throws Exception {
        harness.members.bindIdentity(new PlatformIdentity(Platform.WECHAT_MP, "oWang", wangId));
        codeGives("CODE-7", "oWang");
        Started s = start("poll:404");
        assertThat(callback(s, "CODE-7").getResponse().getStatus()).isEqualTo(404);
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
