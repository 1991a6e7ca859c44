package org.unionbot.adapter.wechat;

import org.unionbot.core.channel.ChannelActivity;
import org.unionbot.core.message.Platform;
import org.unionbot.crypto.CallbackBody;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
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
        String body;
        try {
            body = CallbackBody.read(request.getInputStream(), request.getContentLengthLong());
        } catch (CallbackBody.TooLarge tooLarge) {
            response.setHeader("Connection", "close");
            write(response, new MpCallbackHandler.Response(413, ""));
            return;
        }
        MpCallbackHandler.Response answer = handler.receive(appId, query(request), body);
        activity.callbackAnswered(Platform.WECHAT_MP, appId, answer.status());
        write(response, answer);
    }

    private static Map<String, String> query(HttpServletRequest request) {
        Map<String, String> query = new HashMap<>();
        for (String name : PARAMETERS) {
            String value = request.getParameter(name);
            if (value != null) {
                query.put(name, value);
            }
        }
        return query;
    }

    private static void write(HttpServletResponse response, MpCallbackHandler.Response answer) throws IOException {
        response.setStatus(answer.status());
        boolean xml = answer.body().startsWith("<xml>");
        response.setContentType((xml ? "application/xml" : "text/plain") + ";charset=UTF-8");
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        // write, never println: the echostr must come back exactly, without a trailing newline.
        response.getOutputStream().write(bytes);
    }
}
