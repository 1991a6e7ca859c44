package org.unionbot.adapter.wechat;

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
 * {@code GET|POST /callback/wechat-mp/{appId}}: the URL entered as 服务器地址(URL) in the Official
 * Account's console. Thin: the body is read (at most 64 KB) before any parameter, so that a form-encoded
 * body can never be parsed as parameters, and the work is done by {@link MpCallbackHandler}.
 */
@RestController
final class WechatMpCallbackController {
    private static final String[] PARAMETERS = {"signature", "timestamp", "nonce", "echostr", "openid",
        "encrypt_type", "msg_signature"};

    private final MpCallbackHandler handler;
    private final ChannelActivity activity;

    WechatMpCallbackController(MpCallbackHandler handler) {
        this(handler, ChannelActivity.NONE);
    }

    /** @param activity told of each accepted or refused message, for the console's 渠道 page */
    @org.springframework.beans.factory.annotation.Autowired
    WechatMpCallbackController(MpCallbackHandler handler,
                               org.springframework.beans.factory.ObjectProvider<ChannelActivity> activity) {
        this(handler, activity.getIfAvailable(() -> ChannelActivity.NONE));
    }

    WechatMpCallbackController(MpCallbackHandler handler, ChannelActivity activity) {
        this.handler = handler;
        this.activity = activity;
    }

    @GetMapping("/callback/wechat-mp/{appId}")
    void verify(@PathVariable String appId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(response, handler.verify(appId, query(request)));
    }

    @PostMapping("/callback/wechat-mp/{appId}")
    void receive(@PathVariable String appId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The body first, the parameters only once it is read: a form-encoded body is never parsed as parameters.
        CallbackAnswer answer = CallbackBody.answer(request.getInputStream(), request.getContentLengthLong(), body -> {
            CallbackAnswer handled = handler.receive(appId, query(request), body);
            activity.callbackAnswered(Platform.WECHAT_MP, appId, handled.status());
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
