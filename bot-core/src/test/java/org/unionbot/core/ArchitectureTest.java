package org.unionbot.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The core is plain Java: frameworks and platform SDKs live in the outer modules. */
@AnalyzeClasses(packages = "org.unionbot.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreUsesNoFramework = noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework..", "org.apache.ibatis..", "org.mybatis..", "org.quartz..",
            "me.chanjar..", "com.dingtalk..", "com.aliyun..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule coreDoesNotReachOutward = noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "org.unionbot.persistence..", "org.unionbot.scheduler..", "org.unionbot.adapter..", "org.unionbot.app..");
}
