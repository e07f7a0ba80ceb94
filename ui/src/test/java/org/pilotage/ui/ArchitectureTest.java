package org.pilotage.ui;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/**
 * The structure the build holds the code to (docs/architecture.md): modules point one way, feature
 * packages form no cycle, views and controllers go through the feature services (never a repository, a
 * JdbcTemplate or the store), the shared frame knows no feature, and no SQL is written in Java.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        // the sibling modules come as jars (or the reactor's class folders): every main class of the three
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.pilotage.analytics", "org.pilotage.ingestion", "org.pilotage.ui");
        assertThat(classes.stream().map(JavaClass::getPackageName).filter(p -> p.startsWith("org.pilotage.analytics")).count())
                .as("analytics classes imported").isGreaterThan(50);
        assertThat(classes.stream().map(JavaClass::getPackageName).filter(p -> p.startsWith("org.pilotage.ingestion")).count())
                .as("ingestion classes imported").isGreaterThan(30);
    }

    @Test
    void modulesPointOneWay() {
        noClasses().that().resideInAPackage("org.pilotage.analytics..")
                .should().dependOnClassesThat().resideInAnyPackage("org.pilotage.ingestion..", "org.pilotage.ui..")
                .check(classes);
        noClasses().that().resideInAPackage("org.pilotage.ingestion..")
                .should().dependOnClassesThat().resideInAPackage("org.pilotage.ui..")
                .check(classes);
        noClasses().that().resideInAPackage("org.pilotage.analytics..")
                .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..", "org.springframework.batch..")
                .check(classes);
    }

    @Test
    void featurePackagesFormNoCycle() {
        slices().matching("org.pilotage.analytics.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("org.pilotage.ingestion.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("org.pilotage.ui.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void viewsAndControllersGoThroughTheFeatureServices() {
        noClasses().that().resideInAPackage("org.pilotage.ui..")
                .and().resideOutsideOfPackages("org.pilotage.ui.security..", "org.pilotage.ui.system..")
                .and().doNotHaveSimpleName("PilotageApplication")
                .should().dependOnClassesThat(describe("a repository, a JdbcTemplate, a DataSource or the store",
                        c -> c.getSimpleName().endsWith("Repository") || c.getSimpleName().endsWith("Queries")
                                || c.getName().startsWith("org.springframework.jdbc.")
                                || c.getName().equals("javax.sql.DataSource")
                                || Set.of("DuckDbStore", "ReadConsistentDataSource", "AppSettings", "SqlQueries", "IngestionLog",
                                        "Workspace").contains(c.getSimpleName())))
                .check(classes);
        noClasses().that().areAnnotatedWith(Route.class).or().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .check(classes);
    }

    @Test
    void theSharedFrameKnowsNoFeature() {
        noClasses().that().resideInAPackage("org.pilotage.ui.base..")
                .should().dependOnClassesThat().resideInAnyPackage("org.pilotage.ui.rooms..", "org.pilotage.ui.ingestion..",
                        "org.pilotage.ui.admin..", "org.pilotage.ui.dashboard..", "org.pilotage.ui.api..", "org.pilotage.ui.home..")
                .check(classes);
        noClasses().that().areAnnotatedWith(Layout.class)
                .should().dependOnClassesThat().areAnnotatedWith(Route.class)
                .check(classes);
    }

    /** SQL is a named resource of the sql module ({@code pilotage/sql/...}); no Java source of any module writes it. */
    @Test
    void noSqlIsWrittenInJava() throws Exception {
        Pattern literal = Pattern.compile("(?s)\"\"\".*?\"\"\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"");
        Pattern sql = Pattern.compile("(?i)^\\s*\"*\\s*(select|insert\\s+into|update\\s+\\w+\\s+set|delete\\s+from|create\\s|drop\\s|alter\\s"
                + "|copy\\s|attach\\s|detach\\s|checkpoint|pragma\\s|install\\s|load\\s|with\\s+\\w+\\s+as|begin\\b|commit\\b|rollback\\b)"
                + "|(?i)\\b(select\\s.+\\sfrom|insert\\s+into|delete\\s+from|create\\s+(or\\s+replace\\s+)?(table|view|macro|schema|index))\\b");
        Set<String> found = new TreeSet<>();
        List<Path> sources = new ArrayList<>();
        for (String module : List.of("analytics", "ingestion", "ui")) {
            try (Stream<Path> walk = Files.walk(Path.of("..", module, "src", "main", "java"))) {
                walk.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
            }
        }
        assertThat(sources).hasSizeGreaterThan(100);
        for (Path file : sources) {
            String code = Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
            Matcher m = literal.matcher(code);
            while (m.find()) {
                if (sql.matcher(m.group()).find()) {
                    found.add(file.getFileName() + ": " + m.group());
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
