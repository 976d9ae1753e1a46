package io.musicstream.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.config.ProcessingGroup;

/**
 * The catalog and account endpoints hold HTTP only: they read through the read models' readers, never a
 * table or an index, and never a projection itself.
 */
@AnalyzeClasses(packages = "io.musicstream.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ReadModelAccessRulesTest {

    private static final String[] HTTP_ONLY = {"io.musicstream.query.catalog..", "io.musicstream.query.account..",
            "io.musicstream.query.json.."};

    @ArchTest
    static final ArchRule endpointsTouchNoTableOrIndex = noClasses().that().resideInAnyPackage(HTTP_ONLY)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.jdbc..", "java.sql..", "javax.sql..",
                    "co.elastic..", "org.elasticsearch..");

    @ArchTest
    static final ArchRule endpointsUseNoProjection = noClasses().that().resideInAnyPackage(HTTP_ONLY)
            .should().dependOnClassesThat().areAnnotatedWith(ProcessingGroup.class);
}
