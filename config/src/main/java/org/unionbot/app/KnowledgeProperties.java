package org.unionbot.app;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the school's knowledge files are and its settings ({@code unionbot.knowledge.*}).
 *
 * @param dir folder of the school's {@code *.yml} knowledge files (they override and extend the
 *     defaults shipped in the jar); a missing folder means the defaults only
 * @param settings values the answers insert ({@code ${checkup.cycle}} …); they win over a
 *     {@code settings:} block in the files. E.g. {@code UNIONBOT_KNOWLEDGE_SETTINGS_DUES_RULE} is not
 *     usable for dotted keys, so set them in application.yml or in {@code <dir>/settings.yml}.
 */
@ConfigurationProperties("unionbot.knowledge")
public record KnowledgeProperties(@DefaultValue("./knowledge") Path dir, Map<String, String> settings) {
    public KnowledgeProperties {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
}
