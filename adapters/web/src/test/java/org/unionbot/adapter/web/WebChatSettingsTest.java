package org.unionbot.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class WebChatSettingsTest {

    @Test
    void toStringMasksTheSecret() {
        WebChatSettings settings = WebChatSettings.signedLinks(TestRoster.SECRET);
        assertThat(settings.toString()).doesNotContain(TestRoster.SECRET).doesNotContain("0123456789")
                .contains("linkSecret=******").contains("maxTextLength=2000");
        assertThat(WebChatSettings.demo().toString()).contains("linkSecret=(none)").contains("demoIdentities=true");
    }

    @Test
    void aBlankSecretMeansNone() {
        WebChatSettings settings = new WebChatSettings(false, "   ", 2000);
        assertThat(settings.linkSecret()).isNull();
        assertThat(settings.hasLinkSecret()).isFalse();
        assertThat(settings.closed()).isTrue();
        assertThat(WebChatSettings.demo().closed()).isFalse();
        assertThat(WebChatSettings.signedLinks(TestRoster.SECRET).closed()).isFalse();
    }

    @Test
    void aWeakSecretIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> new WebChatSettings(false, "hunter2-hunter2", 2000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void theTextLimitMustFitTheRequestLimit() {
        assertThatThrownBy(() -> new WebChatSettings(true, null, 0)).hasMessageContaining("max-text-length");
        assertThatThrownBy(() -> new WebChatSettings(true, null, 5001)).hasMessageContaining("between 1 and 5000");
        assertThat(new WebChatSettings(true, null, 5000).maxTextLength()).isEqualTo(5000);
    }

    @Test
    void bindsFromUnionbotWebPropertiesWithTheDefaultLimit() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "unionbot.web.demo-identities", "false",
                "unionbot.web.link-secret", TestRoster.SECRET)));
        WebChatSettings settings = binder.bindOrCreate("unionbot.web", WebChatSettings.class);
        assertThat(settings.demoIdentities()).isFalse();
        assertThat(settings.linkSecret()).isEqualTo(TestRoster.SECRET);
        assertThat(settings.maxTextLength()).isEqualTo(2000);

        WebChatSettings demo = new Binder(new MapConfigurationPropertySource(Map.of(
                "unionbot.web.demo-identities", "true", "unionbot.web.max-text-length", "500")))
                .bindOrCreate("unionbot.web", WebChatSettings.class);
        assertThat(demo).isEqualTo(new WebChatSettings(true, null, 500));

        WebChatSettings nothing = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("unionbot.web", WebChatSettings.class);
        assertThat(nothing.closed()).isTrue();
        assertThat(nothing.maxTextLength()).isEqualTo(2000);
    }
}
