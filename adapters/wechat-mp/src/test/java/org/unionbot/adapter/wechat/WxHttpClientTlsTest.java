package org.unionbot.adapter.wechat;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Why WxJava's own HTTP client builder is replaced: a server with a certificate nobody vouches for (here
 * WireMock's self-signed one, standing for someone in the path posing as api.weixin.qq.com) must not get
 * the AppSecret. WxJava 4.7.3.B's {@code DefaultApacheHttpClientBuilder} would trust it; ours refuses the
 * handshake, so no request (and no secret) ever arrives.
 */
class WxHttpClientTlsTest {
    @RegisterExtension
    static WireMockExtension tls = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicHttpsPort().httpDisabled(true).bindAddress("127.0.0.1")).build();

    @Test
    void anUntrustedCertificateIsRefusedBeforeTheSecretIsSent() {
        tls.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token")).willReturn(okJson("{\"access_token\":\"X\",\"expires_in\":7200}")));
        WechatMpSettings settings = new WechatMpSettings(List.of(new WechatMpSettings.Account("wxtls0000000001", "the-secret", "tok3n", null)),
                URI.create("https://127.0.0.1:" + tls.getRuntimeInfo().getHttpsPort()));
        MpClients clients = new MpClients(settings, Clock.systemUTC());

        assertThatThrownBy(() -> clients.call("wxtls0000000001", wx -> wx.getAccessToken()))
                .isInstanceOfSatisfying(MpApiException.class, e -> assertThat(e.transientFailure()).isTrue());
        tls.verify(exactly(0), postRequestedFor(urlPathEqualTo("/cgi-bin/stable_token")));
    }
}
