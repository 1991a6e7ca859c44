package org.unionbot.adapter.wechat;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 网页授权: the authorize URL and the code exchange against WireMock in the documented JSON. */
class MpWebAuthorizationTest {
    @RegisterExtension
    static WireMockExtension wx = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private MpWebAuthorization auth() {
        WechatMpSettings settings = new WechatMpSettings(List.of(new WechatMpSettings.Account("wxapp000000000001", "s3cret", "tok3n", null)),
                URI.create(wx.baseUrl()));
        return new MpWebAuthorization(new MpClients(settings, java.time.Clock.systemUTC()));
    }

    @Test
    void authorizeUrlUsesTheSilentScopeAndEncodesTheRedirect() {
        URI url = auth().authorizeUrl("wxapp000000000001", URI.create("https://union.example.edu.cn/h5/poll/7?x=1"), "st-42");
        assertThat(url.toString()).isEqualTo("https://open.weixin.qq.com/connect/oauth2/authorize?appid=wxapp000000000001"
                + "&redirect_uri=https%3A%2F%2Funion.example.edu.cn%2Fh5%2Fpoll%2F7%3Fx%3D1&response_type=code"
                + "&scope=snsapi_base&state=st-42&connect_redirect=1#wechat_redirect");
        assertThatThrownBy(() -> auth().authorizeUrl("wxapp000000000001", URI.create("https://x"), "a b"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void codeIsExchangedForTheOpenId() {
        wx.stubFor(get(urlPathEqualTo("/sns/oauth2/access_token")).willReturn(okJson(
                "{\"access_token\":\"USER_AT\",\"expires_in\":7200,\"refresh_token\":\"RT\",\"openid\":\"oWang\",\"scope\":\"snsapi_base\"}")));

        assertThat(auth().openIdForCode("wxapp000000000001", "CODE-1")).isEqualTo("oWang");

        wx.verify(getRequestedFor(urlPathEqualTo("/sns/oauth2/access_token")).withQueryParam("appid", equalTo("wxapp000000000001"))
                .withQueryParam("secret", equalTo("s3cret")).withQueryParam("code", equalTo("CODE-1"))
                .withQueryParam("grant_type", equalTo("authorization_code")));
    }

    @Test
    void anInvalidOrUsedCodeIsRefused() {
        wx.stubFor(get(urlPathEqualTo("/sns/oauth2/access_token")).willReturn(okJson("{\"errcode\":40029,\"errmsg\":\"invalid code\"}")));
        assertThatThrownBy(() -> auth().openIdForCode("wxapp000000000001", "used"))
                .isInstanceOfSatisfying(MpApiException.class, e -> assertThat(e.errcode()).isEqualTo(40029));
    }
}
