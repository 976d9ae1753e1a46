package io.musicstream.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Domain code (aggregates, their rules and ports) knows nothing of HTTP, JDBC or Redis; only the web adapters do. */
@AnalyzeClasses(packages = "io.musicstream.command", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {

    @ArchTest
    static final ArchRule domainCodeIsFreeOfInfrastructure = noClasses().that().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
                    "org.springframework.jdbc..", "java.sql..", "javax.sql..",
                    "org.springframework.data.redis..", "io.lettuce..",
                    "org.apache.kafka..", "co.elastic..");

    @ArchTest
    static final ArchRule domainCodeUsesNoSpringButTheAggregateStereotype = noClasses()
            .that().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..");

    @ArchTest
    static final ArchRule webAdaptersAreNotUsedByTheDomain = noClasses().that().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("..web..");

    /** Commands are messages of the domain: records in their feature's package, beside their aggregate. */
    @ArchTest
    static final ArchRule commandsAreRecordsOutsideTheWebAdapters = classes().that(nameTheirAggregate())
            .should().beRecords().andShould().resideOutsideOfPackage("..web..");

    private static DescribedPredicate<JavaClass> nameTheirAggregate() {
        return DescribedPredicate.describe("name their aggregate (@TargetAggregateIdentifier)", type -> type
                .getMembers().stream().anyMatch(member -> member.isAnnotatedWith(TargetAggregateIdentifier.class)));
    }
}
