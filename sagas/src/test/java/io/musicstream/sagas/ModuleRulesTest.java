package io.musicstream.sagas;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Sagas coordinate aggregates through commands and events only: no HTTP, JDBC, Redis or broker clients. */
@AnalyzeClasses(packages = "io.musicstream.sagas", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {

    @ArchTest
    static final ArchRule sagasAreFreeOfInfrastructure = noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework.web..", "jakarta.servlet..", "org.springframework.jdbc..", "java.sql..",
            "org.springframework.data.redis..", "io.lettuce..", "org.apache.kafka..", "co.elastic..")
            .allowEmptyShould(true);
}
