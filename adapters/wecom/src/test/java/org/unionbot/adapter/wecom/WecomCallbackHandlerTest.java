package org.unionbot.adapter.wecom;

import org.unionbot.crypto.CallbackAnswer;
import org.unionbot.crypto.testing.DocumentedCrypto;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.unionbot.core.command.Command;
import org.unionbot.core.command.CommandContext;
import org.unionbot.core.command.CommandSpec;
import org.unionbot.core.command.Locality;
import org.unionbot.core.command.Privilege;
import org.unionbot.core.message.Reply;

/** The WeCom app callback end to end with the real engine. */
class WecomCallbackHandlerTest {
    /** 投票: records its arguments, standing in for the poll feature's command. */
    static final class VoteCommand implements Command {
        final List<String> votes = new CopyOnWriteArrayList<>();
        private final CommandSpec spec = new CommandSpec("投票", List.of(), "投票 编号 选项", "投票", Privilege.MEMBER, Locality.ANY);

        @Override
        public CommandSpec spec() {
            return spec;
        }

        @Override
        public Reply execute(CommandContext context) {
            votes.add(context.arguments());
            return Reply.text("已记录您的投票。");
        }
    }

    private final VoteCommand vote = new VoteCommand();
    private final WecomFixture fx = new WecomFixture(vote);

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void urlVerificationReturnsTheDecryptedEchostrExactly() throws Exception {
        String echostr = DocumentedCrypto.encrypt(WecomFixture.AES_KEY, "1616140317555161061", WecomFixture.CORP);
        String ts = fx.now();
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new WecomCallbackController(fx.handler)).build();
        MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders
                .get("/callback/wecom/" + WecomFixture.CORP + "/" + WecomFixture.AGENT)
                .param("msg_signature", DocumentedCrypto.sha1Sorted(WecomFixture.TOKEN, ts, "5", echostr))
                .param("timestamp", ts).param("nonce", "5").param("echostr", echostr)).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsByteArray()).isEqualTo("1616140317555161061".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void forgedVerificationIsRefused() throws Exception {
        String echostr = DocumentedCrypto.encrypt(WecomFixture.AES_KEY, "123", WecomFixture.CORP);
        var query = new java.util.HashMap<>(Map.of("timestamp", fx.now(), "nonce", "5", "echostr", echostr,
                "msg_signature", DocumentedCrypto.sha1Sorted("other", fx.now(), "5", echostr)));
        assertThat(fx.handler.verify(WecomFixture.CORP, String.valueOf(WecomFixture.AGENT), query).status()).isEqualTo(403);
        String foreign = DocumentedCrypto.encrypt(WecomFixture.AES_KEY, "123", "wwOtherCorp");
        query.put("echostr", foreign);
        query.put("msg_signature", DocumentedCrypto.sha1Sorted(WecomFixture.TOKEN, fx.now(), "5", foreign));
        assertThat(fx.handler.verify(WecomFixture.CORP, String.valueOf(WecomFixture.AGENT), query).status()).isEqualTo(403);
    }

    @Test
    void textMessageGetsAnEncryptedPassiveReply() throws Exception {
        var response = fx.post(WecomFixture.textXml(WecomFixture.WANG, "我是谁", 501, fx.now(), WecomFixture.AGENT), fx.now(), WecomFixture.CORP);
        assertThat(response.status()).isEqualTo(200);
        String reply = WecomFixture.open(response.body());
        assertThat(DocumentedCrypto.field(reply, "ToUserName")).isEqualTo(WecomFixture.WANG);
        assertThat(DocumentedCrypto.field(reply, "FromUserName")).isEqualTo(WecomFixture.CORP);
        assertThat(DocumentedCrypto.field(reply, "Content")).startsWith("王芳老师，您好。");
        assertThat(fx.engineSaw).containsExactly("wecom:m:" + WecomFixture.WANG + ":501");
    }

    @Test
    void forgedStaleForeignAndMisaddressedMessagesNeverReachTheEngine() throws Exception {
        String ts = fx.now();
        String xml = WecomFixture.textXml(WecomFixture.WANG, "我是谁", 502, ts, WecomFixture.AGENT);
        String encrypted = DocumentedCrypto.encrypt(WecomFixture.AES_KEY, xml, WecomFixture.CORP);
        Map<String, String> forged = WecomFixture.query(ts, encrypted);
        forged.put("msg_signature", "f".repeat(40));

        assertThat(fx.handler.receive(WecomFixture.CORP, "1000002", forged, WecomFixture.body(encrypted)).status()).isEqualTo(403);
        assertThat(fx.post(xml, ts, "wwAnotherCorp").status()).isEqualTo(403);
        String stale = Long.toString(fx.harness.clock.instant().getEpochSecond() - 600);
        assertThat(fx.post(WecomFixture.textXml(WecomFixture.WANG, "我是谁", 503, stale, WecomFixture.AGENT), stale, WecomFixture.CORP).status()).isEqualTo(403);
        assertThat(fx.post(WecomFixture.textXml(WecomFixture.WANG, "我是谁", 504, ts, 1000099), ts, WecomFixture.CORP).status()).isEqualTo(403);
        assertThat(fx.handler.receive(WecomFixture.CORP, "1000099", WecomFixture.query(ts, encrypted), WecomFixture.body(encrypted)).status()).isEqualTo(404);
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><FromUserName>"
                + WecomFixture.WANG + "</FromUserName><CreateTime>" + ts + "</CreateTime><MsgType>text</MsgType><Content>&x;</Content><MsgId>505</MsgId></xml>";
        assertThat(fx.post(xxe, ts, WecomFixture.CORP).status()).isEqualTo(400);
        assertThat(fx.engineSaw).isEmpty();
    }

    @Test
    void oversizedBodyIsRefusedWith413() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new WecomCallbackController(fx.handler)).build();
        byte[] huge = ("<xml><Encrypt>" + "A".repeat(70_000) + "</Encrypt></xml>").getBytes(StandardCharsets.UTF_8);
        var response = mvc.perform(MockMvcRequestBuilders.post("/callback/wecom/" + WecomFixture.CORP + "/" + WecomFixture.AGENT)
                .content(huge).param("timestamp", fx.now()).param("nonce", "n").param("msg_signature", "x")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(fx.engineSaw).isEmpty();
    }

    @Test
    void retriedMessageRunsOnceAndItsRetryGetsAnEmptyBody() throws Exception {
        String xml = WecomFixture.textXml(WecomFixture.WANG, "投票 7 A", 506, fx.now(), WecomFixture.AGENT);
        fx.post(xml, fx.now(), WecomFixture.CORP);
        var retry = fx.post(xml, fx.now(), WecomFixture.CORP);
        assertThat(retry).isEqualTo(new CallbackAnswer(200, ""));
        assertThat(vote.votes).containsExactly("7 A");
    }

    @Test
    void enterAgentWelcomesAndGuidesAnUnboundMember() throws Exception {
        var response = fx.post(WecomFixture.eventXml("NewTeacher", "enter_agent", "", fx.now(), ""), fx.now(), WecomFixture.CORP);
        assertThat(DocumentedCrypto.field(WecomFixture.open(response.body()), "Content"))
                .startsWith("您好，我是学校工会的工会助手").contains("我能帮您做这些事").contains("绑定 工号 手机后四位");
    }

    @Test
    void menuClickRunsTheCommandNamedByItsKey() throws Exception {
        var response = fx.post(WecomFixture.eventXml(WecomFixture.WANG, "click", "我是谁", fx.now(), ""), fx.now(), WecomFixture.CORP);
        assertThat(DocumentedCrypto.field(WecomFixture.open(response.body()), "Content")).startsWith("王芳老师，您好。");
    }

    @Test
    void voteCardSubmissionBecomesTheVoteCommandOnce() throws Exception {
        String card = "<TaskId><![CDATA[poll-7-20260901]]></TaskId><CardType><![CDATA[vote_interaction]]></CardType>"
                + "<ResponseCode><![CDATA[rc]]></ResponseCode><SelectedItems><SelectedItem><QuestionKey><![CDATA[q7]]></QuestionKey>"
                + "<OptionIds><OptionId><![CDATA[A]]></OptionId><OptionId><![CDATA[C]]></OptionId></OptionIds></SelectedItem></SelectedItems>";
        String xml = WecomFixture.eventXml(WecomFixture.WANG, "template_card_event", "投票 7", "1790000123", card);
        var response = fx.post(xml, fx.now(), WecomFixture.CORP);
        fx.post(xml, fx.now(), WecomFixture.CORP); // WeCom's retry

        assertThat(DocumentedCrypto.field(WecomFixture.open(response.body()), "Content")).isEqualTo("已记录您的投票。");
        assertThat(vote.votes).containsExactly("7 A C");
        assertThat(fx.engineSaw).containsExactly("wecom:e:WangFang:1790000123", "wecom:e:WangFang:1790000123");
    }
}
