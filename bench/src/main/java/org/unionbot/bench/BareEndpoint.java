package org.unionbot.bench;

import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ceiling /api/chat is compared with: a Spring MVC endpoint in the same JVM that parses the same
 * JSON request and writes a reply of the same shape, doing no work in between.
 */
@RestController
class BareEndpoint {
    record Request(String user, String text) {}

    record Text(String type, String text) {}

    record Response(List<Text> replies) {}

    @PostMapping("/bench/bare")
    Response bare(@RequestBody Request request) {
        return new Response(List.of(new Text("text", "收到：" + request.text())));
    }
}
