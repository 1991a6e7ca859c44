package org.unionbot.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallbackXmlTest {

    @Test
    void readsTheDocumentedTextMessage() throws Exception {
        CallbackXml xml = CallbackXml.parse("""
                <xml>
                <ToUserName><![CDATA[toUser]]></ToUserName>
                <FromUserName><![CDATA[fromUser]]></FromUserName>
                <CreateTime>1348831860</CreateTime>
                <MsgType><![CDATA[text]]></MsgType>
                <Content><![CDATA[ 会费 怎么交 ]]></Content>
                <MsgId>9223372036854775807</MsgId>
                </xml>""");
        assertThat(xml.get("FromUserName")).contains("fromUser");
        assertThat(xml.get("CreateTime")).contains("1348831860");
        assertThat(xml.raw("Content")).isEqualTo(" 会费 怎么交 ");
        assertThat(xml.get("MsgId")).contains("9223372036854775807");
        assertThat(xml.get("Event")).isEmpty();
    }

    @Test
    void collectsRepeatedNestedValues() throws Exception {
        CallbackXml xml = CallbackXml.parse("<xml><EventKey><![CDATA[poll-7]]></EventKey><SelectedItems><SelectedItem>"
                + "<QuestionKey><![CDATA[q]]></QuestionKey><OptionIds><OptionId><![CDATA[A]]></OptionId>"
                + "<OptionId><![CDATA[C]]></OptionId></OptionIds></SelectedItem></SelectedItems></xml>");
        assertThat(xml.all("OptionId")).containsExactly("A", "C");
        assertThat(xml.get("EventKey")).contains("poll-7");
    }

    @Test
    void refusesExternalEntities(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<xml><Content>&x;</Content></xml>";
        assertThatThrownBy(() -> CallbackXml.parse(xxe)).isInstanceOf(CallbackCryptoException.class);
    }

    @Test
    void refusesEntityExpansionBombs() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>"
                + "<xml><Content>&b;&b;&b;</Content></xml>";
        assertThatThrownBy(() -> CallbackXml.parse(bomb)).isInstanceOf(CallbackCryptoException.class);
    }

    @Test
    void refusesMalformedAndEmptyBodies() {
        assertThatThrownBy(() -> CallbackXml.parse("<xml><a>")).isInstanceOf(CallbackCryptoException.class);
        assertThatThrownBy(() -> CallbackXml.parse("{\"json\":true}")).isInstanceOf(CallbackCryptoException.class);
        assertThatThrownBy(() -> CallbackXml.parse("")).isInstanceOf(CallbackCryptoException.class);
    }

    @Test
    void cdataSplitsTheClosingSequence() throws Exception {
        String written = "<xml><Content>" + CallbackXml.cdata("a]]>b") + "</Content></xml>";
        assertThat(CallbackXml.parse(written).raw("Content")).isEqualTo("a]]>b");
    }
}
