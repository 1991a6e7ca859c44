package org.unionbot.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Dependencies point inward: config → adapters/scheduler/persistence → bot-core. Adapters never see
 * each other, the database or the scheduler; the core sees nothing outside itself.
 */
@AnalyzeClasses(packages = "org.unionbot", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule coreIsPlainJava = noClasses().that().resideInAPackage("org.unionbot.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.ibatis..",
                    "org.mybatis..", "org.quartz..", "me.chanjar..", "com.dingtalk..", "com.aliyun..",
                    "org.unionbot.persistence..", "org.unionbot.scheduler..", "org.unionbot.adapter..",
                    "org.unionbot.app..");

    @ArchTest
    static final ArchRule adaptersSeeOnlyTheCore = noClasses().that().resideInAPackage("org.unionbot.adapter..")
            .should().dependOnClassesThat().resideInAnyPackage("org.unionbot.persistence..",
                    "org.unionbot.scheduler..", "org.unionbot.app..", "org.apache.ibatis..", "org.mybatis..");

    @ArchTest
    static final ArchRule adaptersDoNotSeeEachOther = slices().matching("org.unionbot.adapter.(*)..")
            .should().notDependOnEachOther();

    /** The console reaches its accounts and audit trail through the core's ports, never by SQL. */
    @ArchTest
    static final ArchRule consoleUsesPortsNotTheDatabase = noClasses().that().resideInAPackage("org.unionbot.adapter.admin..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "javax.sql..");

    @ArchTest
    static final ArchRule persistenceSeesOnlyTheCore = noClasses().that().resideInAPackage("org.unionbot.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("org.unionbot.adapter..", "org.unionbot.scheduler..",
                    "org.unionbot.app..");

    @ArchTest
    static final ArchRule schedulerSeesOnlyTheCore = noClasses().that().resideInAPackage("org.unionbot.scheduler..")
            .should().dependOnClassesThat().resideInAnyPackage("org.unionbot.adapter..", "org.unionbot.persistence..",
                    "org.unionbot.app..");
}
