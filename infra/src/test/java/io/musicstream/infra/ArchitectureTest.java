package io.musicstream.infra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Rules across modules, which no single module's ModuleRulesTest can see. */
@AnalyzeClasses(packages = "io.musicstream", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule modulesDependInOneDirection = slices()
            .matching("io.musicstream.(events|command|projections|query|sagas|infra)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule readModelsDoNotDependOnEachOtherInCircles = slices()
            .matching("io.musicstream.projections.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule commandSideFeaturesDoNotDependOnEachOtherInCircles = slices()
            .matching("io.musicstream.command.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule lowerModulesKnowNothingOfTheApplication = noClasses()
            .that().resideInAnyPackage("io.musicstream.events..", "io.musicstream.command..",
                    "io.musicstream.projections..", "io.musicstream.query..", "io.musicstream.sagas..")
            .should().dependOnClassesThat().resideInAPackage("io.musicstream.infra..");

    @ArchTest
    static final ArchRule readModelsDoNotKnowTheirEndpoints = noClasses()
            .that().resideInAPackage("io.musicstream.projections..")
            .should().dependOnClassesThat().resideInAnyPackage("io.musicstream.query..", "io.musicstream.command..");

    @ArchTest
    static final ArchRule queryEndpointsTouchNoTableOrIndex = noClasses()
            .that().resideInAPackage("io.musicstream.query..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..",
                    "javax.sql..", "co.elastic..", "org.elasticsearch..");

    @ArchTest
    static final ArchRule theServiceHoldsNoTool = noClasses()
            .that().resideInAnyPackage("io.musicstream.events..", "io.musicstream.command..",
                    "io.musicstream.projections..", "io.musicstream.query..", "io.musicstream.sagas..",
                    "io.musicstream.infra..")
            .should().dependOnClassesThat().resideInAnyPackage("io.musicstream.devservices..",
                    "io.musicstream.benchmarks..", "io.musicstream.tools..");
}
