package org.unionbot.adapter.wecom;

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
        String body;
        try {
            body = CallbackBody.read(request.getInputStream(), request.getContentLengthLong());
        } catch (CallbackBody.TooLarge tooLarge) {
            response.setHeader("Connection", "close");
            write(response, new WecomCallbackHandler.Response(413, ""));
            return;
        }
        WecomCallbackHandler.Response answer = handler.receive(corpId, agentId, query(request), body);
        activity.callbackAnswered(Platform.WECOM, corpId + "/" + agentId, answer.status());
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

    private static void write(HttpServletResponse response, WecomCallbackHandler.Response answer) throws IOException {
        response.setStatus(answer.status());
        response.setContentType((answer.body().startsWith("<xml>") ? "application/xml" : "text/plain") + ";charset=UTF-8");
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes); // never println: the echostr must not gain a newline
    }
}
