package org.unionbot.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebInboxSealTest {
    private static final String LINK_SECRET = "link-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
    private static final String ANSWER = "已记录您在「工会委员会选举」中的投票：2.乙方案。您的回执码：K7QD-M2XA";

    @Test
    void aSealedAnswerHidesItsTextAndOpensOnEveryInstanceWithTheSameLinkSecret() {
        String sealed = WebInboxSeal.of(LINK_SECRET).seal("web-P001", ANSWER);

        assertThat(sealed).startsWith("v1:").doesNotContain("K7QD", "乙方案", "回执码");
        // another instance configured alike (or this one after a restart) opens it
        assertThat(WebInboxSeal.of(LINK_SECRET).open("web-P001", sealed)).contains(ANSWER);
        // fresh nonce every time: two seals of one answer do not even look alike
        assertThat(WebInboxSeal.of(LINK_SECRET).seal("web-P001", ANSWER)).isNotEqualTo(sealed);
    }

    @Test
    void itOpensOnlyForItsOwnUserAndItsOwnKey() {
        String sealed = WebInboxSeal.of(LINK_SECRET).seal("web-P001", ANSWER);

        // a row moved to another user's inbox stays shut
        assertThat(WebInboxSeal.of(LINK_SECRET).open("web-P002", sealed)).isEmpty();
        assertThat(WebInboxSeal.of("another-link-secret-0123456789-abcdefghij").open("web-P001", sealed)).isEmpty();
        // without a link secret the key lives and dies with the process: after a restart it is another key
        WebInboxSeal demo = WebInboxSeal.of(null);
        String demoSealed = demo.seal("web-P001", ANSWER);
        assertThat(demo.open("web-P001", demoSealed)).contains(ANSWER);
        assertThat(WebInboxSeal.of(null).open("web-P001", demoSealed)).isEmpty();
        // tampering or garbage is refused, never an exception
        String tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThat(WebInboxSeal.of(LINK_SECRET).open("web-P001", tampered)).isEmpty();
        assertThat(WebInboxSeal.of(LINK_SECRET).open("web-P001", "v1:not base64!")).isEmpty();
        assertThat(WebInboxSeal.of(LINK_SECRET).open("web-P001", "plain text")).isEmpty();
        assertThat(WebInboxSeal.unreadableNotice()).contains("无记名投票", "查回执");
    }
}
