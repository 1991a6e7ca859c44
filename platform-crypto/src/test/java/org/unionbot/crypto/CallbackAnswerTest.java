package org.unionbot.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** How an answer reaches the wire: exact bytes, the right content type, 413 closing the connection. */
class CallbackAnswerTest {
    /** Records what a servlet response would be told, in order. */
    private static final class RecordingResponse {
        final List<String> calls = new ArrayList<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        void write(CallbackAnswer answer) throws Exception {
            answer.writeTo(status -> calls.add("status " + status), (name, value) -> calls.add(name + ": " + value),
                    type -> calls.add("type " + type), length -> calls.add("length " + length), () -> body);
        }
    }

    @Test
    void anEchostrIsWrittenAsExactlyItsBytes() throws Exception {
        RecordingResponse response = new RecordingResponse();

        response.write(CallbackAnswer.ok("5837397520021788"));

        assertThat(response.body.toByteArray()).isEqualTo("5837397520021788".getBytes(StandardCharsets.US_ASCII));
        assertThat(response.calls).containsExactly("status 200", "type text/plain;charset=UTF-8", "length 16");
    }

    @Test
    void aPassiveReplyIsXmlAndItsLengthCountsUtf8Bytes() throws Exception {
        RecordingResponse response = new RecordingResponse();
        String reply = "<xml><Content><![CDATA[工会]]></Content></xml>";

        response.write(CallbackAnswer.ok(reply));

        assertThat(response.calls).containsExactly("status 200", "type application/xml;charset=UTF-8",
                "length " + reply.getBytes(StandardCharsets.UTF_8).length);
        assertThat(response.body.toString(StandardCharsets.UTF_8)).isEqualTo(reply);
    }

    @Test
    void aRefusalHasAnEmptyBodyAndOnly413ClosesTheConnection() throws Exception {
        RecordingResponse forbidden = new RecordingResponse();
        forbidden.write(CallbackAnswer.refuse(403));
        RecordingResponse tooLarge = new RecordingResponse();
        tooLarge.write(CallbackAnswer.refuse(CallbackAnswer.TOO_LARGE));

        assertThat(CallbackAnswer.refuse(403)).isEqualTo(new CallbackAnswer(403, ""));
        assertThat(forbidden.calls).containsExactly("status 403", "type text/plain;charset=UTF-8", "length 0");
        assertThat(tooLarge.calls).containsExactly("Connection: close", "status 413", "type text/plain;charset=UTF-8", "length 0");
        assertThat(tooLarge.body.size()).isZero();
    }

    @Test
    void aBodyOverTheLimitIsAnswered413WithoutReachingTheHandler() throws Exception {
        AtomicBoolean handled = new AtomicBoolean();
        byte[] tooMuch = new byte[CallbackBody.MAX_BYTES + 1];

        CallbackAnswer answer = CallbackBody.answer(new ByteArrayInputStream(tooMuch), -1, body -> {
            handled.set(true);
            return CallbackAnswer.ok("success");
        });

        assertThat(answer).isEqualTo(new CallbackAnswer(413, ""));
        assertThat(answer.closesConnection()).isTrue();
        assertThat(handled).isFalse();
    }

    @Test
    void aBodyWithinTheLimitIsHandedToTheHandler() throws Exception {
        byte[] sent = "<xml><Encrypt>工会</Encrypt></xml>".getBytes(StandardCharsets.UTF_8);

        CallbackAnswer answer = CallbackBody.answer(new ByteArrayInputStream(sent), sent.length, body -> CallbackAnswer.ok(body));

        assertThat(answer).isEqualTo(CallbackAnswer.ok("<xml><Encrypt>工会</Encrypt></xml>"));
        assertThat(answer.closesConnection()).isFalse();
    }
}
