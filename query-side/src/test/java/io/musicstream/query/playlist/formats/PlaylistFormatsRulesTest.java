package io.musicstream.query.playlist.formats;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The codecs and the matcher are plain Java: the web layer wires them, and they know no read model or HTTP. */
@AnalyzeClasses(packages = "io.musicstream.query.playlist.formats", importOptions = ImportOption.DoNotIncludeTests.class)
class PlaylistFormatsRulesTest {

    @ArchTest
    static final ArchRule plainJava = noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework..", "jakarta..", "org.axonframework..", "io.musicstream.projections..",
            "io.musicstream.events..", "com.fasterxml.jackson..");
}
