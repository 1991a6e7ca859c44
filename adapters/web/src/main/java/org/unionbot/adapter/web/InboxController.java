package org.unionbot.adapter.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/inbox}: what waits for the web user (deferred answers, reminders), taken out of the
 * inbox as it is returned. Who may read it follows the same rules as {@code /api/chat}.
 */
@RestController
class InboxController {
    static final String PATH = "/api/inbox";

    private final WebInbox inbox;
    private final WebIdentity identity;

    InboxController(WebInbox inbox, WebIdentity identity) {
        this.inbox = inbox;
        this.identity = identity;
    }

    /** {@code {"messages": [{"type": "text", "text": "...", "at": "2026-09-01T01:00:05Z"}]}} */
    record InboxResponse(List<ReplyView> messages) {}

    @GetMapping(PATH)
    InboxResponse take(@RequestParam(name = "user", required = false) String user, HttpServletRequest http) {
        String webUser = identity.resolve(user, http);
        List<ReplyView> messages = new ArrayList<>();
        for (WebInboxEntry entry : inbox.take(webUser)) {
            ReplyView view = ReplyView.of(entry.content(), entry.at());
            if (view != null) {
                messages.add(view);
            }
        }
        return new InboxResponse(messages);
    }

    /** Any other method on the path: a JSON 405 instead of the container's error page. */
    @RequestMapping(PATH)
    void otherMethods(HttpServletRequest http) {
        throw WebChatException.methodNotAllowed(http.getMethod(), "GET");
    }
}
