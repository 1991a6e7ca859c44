package org.unionbot.adapter.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/group?name=工会公告栏}: the web chat's group board — poll announcements, results and
 * the public digest posted to a {@code web:<name>} group channel. Readable by anyone who may use the web
 * chat (same identity rules as {@code /api/chat}); reading leaves the messages for the others.
 */
@RestController
class GroupBoardController {
    static final String PATH = "/api/group";

    private final WebGroupBoard boards;
    private final WebIdentity identity;

    GroupBoardController(WebGroupBoard boards, WebIdentity identity) {
        this.boards = boards;
        this.identity = identity;
    }

    record BoardResponse(String name, List<ReplyView> messages) {}

    @GetMapping(PATH)
    BoardResponse read(@RequestParam("name") String name, @RequestParam(name = "user", required = false) String user,
                       HttpServletRequest http) {
        identity.resolve(user, http);
        List<ReplyView> messages = new ArrayList<>();
        for (WebInboxEntry entry : boards.read(name)) {
            ReplyView view = ReplyView.of(entry.content(), entry.at());
            if (view != null) {
                messages.add(view);
            }
        }
        return new BoardResponse(name, messages);
    }
}
