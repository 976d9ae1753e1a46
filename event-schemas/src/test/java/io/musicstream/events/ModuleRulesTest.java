package io.musicstream.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.serialization.Revision;

/**
 * event-schemas is the contract every module shares: it depends on nothing of ours and on no framework but
 * Axon's revisions and Jackson. It holds events, their feature's sealed interface and the values they carry;
 * commands, which nothing stores, live on the command side.
 */
@AnalyzeClasses(packages = "io.musicstream.events", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {

    private static final String EVENTS = "io.musicstream.events";

    @ArchTest
    static final ArchRule dependsOnlyOnTheJdkAxonRevisionsAndJackson = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "io.musicstream.events..", "java..", "org.axonframework.serialization..",
                    "com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule messagesAreRecordsOrEnums = classes().that().resideOutsideOfPackage("..serialization..")
            .and().areNotInterfaces()
            .should().beRecords().orShould().beEnums();

    @ArchTest
    static final ArchRule eventsImplementTheSealedEventInterfaceOfTheirFeature = classes()
            .that().areAnnotatedWith(Revision.class)
            .should().beRecords().andShould(implementASealedEventInterfaceOfTheirPackage());

    @ArchTest
    static final ArchRule everyOtherTypeIsAFeaturesEventInterfaceOrAValueThatEventsCarry = classes()
            .that().resideOutsideOfPackages("..serialization..", "..ids..")
            .and().areNotAnnotatedWith(Revision.class)
            .should(beASealedEventInterfaceOrCarriedByAnEvent());

    private static ArchCondition<JavaClass> implementASealedEventInterfaceOfTheirPackage() {
        return new ArchCondition<>("implement the sealed *Event interface of their package") {
            @Override
            public void check(JavaClass event, ConditionEvents events) {
                boolean implemented = event.getRawInterfaces().stream().anyMatch(i -> isFeatureEventInterface(i)
                        && i.getPackageName().equals(event.getPackageName()));
                events.add(new SimpleConditionEvent(event, implemented,
                        event.getName() + (implemented ? " implements" : " does not implement")
                                + " a sealed *Event interface of its package"));
            }
        };
    }

    private static boolean isFeatureEventInterface(JavaClass type) {
        return type.isInterface() && type.getSimpleName().endsWith("Event") && type.reflect().isSealed();
    }

    /** Reachable from an event through its components (and theirs), type arguments included. */
    private static ArchCondition<JavaClass> beASealedEventInterfaceOrCarriedByAnEvent() {
        return new ArchCondition<>("be a sealed *Event interface or a value that an event carries") {
            private final Set<JavaClass> carried = new HashSet<>();

            @Override
            public void init(Collection<JavaClass> allObjectsToTest) {
                Deque<JavaClass> open = new ArrayDeque<>();
                allObjectsToTest.stream().findAny().map(ModuleRulesTest::root).ifPresent(root -> root
                        .getClassesInPackageTree().stream().filter(c -> c.isAnnotatedWith(Revision.class))
                        .forEach(open::add));
                while (!open.isEmpty()) {
                    JavaClass next = open.pop();
                    next.getDirectDependenciesFromSelf().stream().map(Dependency::getTargetClass)
                            .filter(ownType()::test).filter(carried::add).forEach(open::add);
                }
            }

            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean ok = isFeatureEventInterface(type) || carried.contains(type);
                events.add(new SimpleConditionEvent(type, ok, type.getName() + (ok
                        ? " is an event interface or carried by an event"
                        : " is neither an event, a sealed *Event interface nor a value an event carries:"
                                + " commands and their results belong to the command side")));
            }
        };
    }

    private static JavaPackage root(JavaClass type) {
        JavaPackage root = type.getPackage();
        while (!root.getName().equals(EVENTS)) {
            root = root.getParent().orElseThrow();
        }
        return root;
    }

    private static DescribedPredicate<JavaClass> ownType() {
        return DescribedPredicate.describe("in " + EVENTS, c -> c.getPackageName().startsWith(EVENTS));
    }
}
