package org.unionbot.app;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.unionbot.adapter.admin.DemoChair;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.roster.RosterImporter;

/**
 * The demo school, only on the embedded database (no {@code unionbot.db.url}), unless turned off or a
 * school roster file is configured (then the school is trying the bot with its own people).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${unionbot.db.url:}'.isBlank() && ${unionbot.demo:true} && '${unionbot.roster.file:}'.isBlank()")
class DemoConfiguration {

    @Bean
    DemoSchool demoSchool(MemberRepository members, RosterImporter importer, PlatformTransactionManager transactions) {
        return new DemoSchool(members, importer, new TransactionTemplate(transactions));
    }

    /** The console's first account in the demo: the demo chair, with a one-time password in the log. */
    @Bean
    DemoChair consoleDemoChair() {
        return new DemoChair(DemoSchool.CHAIR_STAFF_NO);
    }
}
