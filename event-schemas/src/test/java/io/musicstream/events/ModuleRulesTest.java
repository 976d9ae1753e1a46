package io.musicstream.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** event-schemas is the contract every module shares: it depends on nothing of ours and on no framework but Axon's annotations and Jackson. */
@AnalyzeClasses(packages = "io.musicstream.events", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {

    @ArchTest
    static final ArchRule dependsOnlyOnTheJdkAxonMessagesAndJackson = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "io.musicstream.events..", "java..", "org.axonframework.serialization..",
                    "org.axonframework.modelling.command..", "com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule messagesAreRecordsOrEnums = classes().that().resideOutsideOfPackage("..serialization..")
            .should().beRecords().orShould().beEnums();
}
