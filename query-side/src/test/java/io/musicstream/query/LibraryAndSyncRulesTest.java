package io.musicstream.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The library and sync endpoints are HTTP only: every read goes through the library read model's readers. */
@AnalyzeClasses(packages = {"io.musicstream.query.library", "io.musicstream.query.sync"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class LibraryAndSyncRulesTest {

    @ArchTest
    static final ArchRule touchNoTableDirectly = noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework.jdbc..", "java.sql..", "javax.sql..", "co.elastic..");

    @ArchTest
    static final ArchRule useNoProjectionInternals = noClasses().should().dependOnClassesThat()
            .haveSimpleNameEndingWith("Projection");
}
