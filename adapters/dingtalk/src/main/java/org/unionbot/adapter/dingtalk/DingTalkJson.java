package org.unionbot.adapter.dingtalk;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** One shared mapper; DingTalk bodies are small JSON objects read as trees. */
final class DingTalkJson {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private DingTalkJson() {
    }

    static JsonNode read(String json) {
        return MAPPER.readTree(json);
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static tools.jackson.databind.node.ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** A started-later daemon thread; Java 17 has no Thread.ofPlatform(). */
    static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}
