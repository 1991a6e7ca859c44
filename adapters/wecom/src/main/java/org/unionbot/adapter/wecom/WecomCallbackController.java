package org.unionbot.adapter.wecom;

import org.unionbot.core.channel.ChannelActivity;
import org.unionbot.core.message.Platform;
import org.unionbot.crypto.CallbackAnswer;
import org.unionbot.crypto.CallbackBody;
import org.unionbot.crypto.CallbackEnvelope;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET|POST /callback/wecom/{corpId}/{agentId}}: the URL entered as 接收消息服务器 URL in the app's
 * console. The body (at most 64 KB) is read before any parameter; parameters are read once through the
 * container, which URL-decodes them once ({@code +}, {@code /}, {@code =} in echostr stay intact).
 */
@RestController
final class WecomCallbackController {
    private static final String[] PARAMETERS = {"msg_signature", "timestamp", "nonce", "echostr"};

    private final WecomCallbackHandler handler;
    private final ChannelActivity activity;

    WecomCallbackController(WecomCallbackHandler handler) {
        this(handler, ChannelActivity.NONE);
    }

    /** @param activity told of each accepted or refused message, for the console's 渠道 page */
    @org.springframework.beans.factory.annotation.Autowired
    WecomCallbackController(WecomCallbackHandler handler,
                            org.springframework.beans.factory.ObjectProvider<ChannelActivity> activity) {
        this(handler, activity.getIfAvailable(() -> ChannelActivity.NONE));
    }

    WecomCallbackController(WecomCallbackHandler handler, ChannelActivity activity) {
        this.handler = handler;
        this.activity = activity;
    }

    @GetMapping("/callback/wecom/{corpId}/{agentId}")
    void verify(@PathVariable String corpId, @PathVariable String agentId, HttpServletRequest request,
                HttpServletResponse response) throws IOException {
        write(response, handler.verify(corpId, agentId, query(request)));
    }

    @PostMapping("/callback/wecom/{corpId}/{agentId}")
    void receive(@PathVariable String corpId, @PathVariable String agentId, HttpServletRequest request,
                 HttpServletResponse response) throws IOException {
        // The body first, the parameters only once it is read: a form-encoded body is never parsed as parameters.
        CallbackAnswer answer = CallbackBody.answer(request.getInputStream(), request.getContentLengthLong(), body -> {
            CallbackAnswer handled = handler.receive(corpId, agentId, query(request), body);
            activity.callbackAnswered(Platform.WECOM, corpId + "/" + agentId, handled.status());
            return handled;
        });
        write(response, answer);
    }

    private static Map<String, String> query(HttpServletRequest request) {
        return CallbackEnvelope.query(request::getParameter, PARAMETERS);
    }

    private static void write(HttpServletResponse response, CallbackAnswer answer) throws IOException {
        answer.writeTo(response::setStatus, response::setHeader, response::setContentType, response::setContentLength,
                response::getOutputStream);
    }
}
