package org.unionbot.app;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionbot.core.member.roster.RosterImporter;

/** The school's roster file, when {@code unionbot.roster.file} (UNIONBOT_ROSTER_FILE) names one. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${unionbot.roster.file:}'.isBlank()")
class RosterConfiguration {

    @Bean
    RosterFileImport rosterFileImport(@Value("${unionbot.roster.file}") Path file, RosterImporter importer) {
        return new RosterFileImport(file, importer);
    }
}
