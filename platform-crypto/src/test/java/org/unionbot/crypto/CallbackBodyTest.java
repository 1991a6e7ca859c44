package org.unionbot.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CallbackBodyTest {
    @Test
    void readsUtf8UpToTheLimit() throws Exception {
        byte[] body = ("<xml>工会" + "a".repeat(CallbackBody.MAX_BYTES - 20) + "</xml>").getBytes(StandardCharsets.UTF_8);
        assertThat(body.length).isLessThanOrEqualTo(CallbackBody.MAX_BYTES);
        assertThat(CallbackBody.read(new ByteArrayInputStream(body), body.length)).startsWith("<xml>工会");
    }

    @Test
    void refusesADeclaredOrStreamedBodyOverTheLimit() {
        assertThatThrownBy(() -> CallbackBody.read(new ByteArrayInputStream(new byte[0]), CallbackBody.MAX_BYTES + 1L))
                .isInstanceOf(CallbackBody.TooLarge.class);
        byte[] tooMuch = new byte[CallbackBody.MAX_BYTES + 1];
        assertThatThrownBy(() -> CallbackBody.read(new ByteArrayInputStream(tooMuch), -1))
                .isInstanceOf(CallbackBody.TooLarge.class);
    }
}
