package org.pilotage.ingestion.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.access.Role;
import org.pilotage.analytics.audit.AuditLog;
import org.pilotage.analytics.text.Refusal;
import org.pilotage.ingestion.IngestionService;
import org.pilotage.ingestion.load.StoreFixture;
import org.pilotage.ingestion.log.Ingestion;
import org.pilotage.ingestion.log.IngestionStatus;

/**
 * The ingestions feature as stewards reach it, without a browser: who may load and see what, and one
 * audit record per launch, stop and restart, whether the screen or a script asked.
 */
class IngestionRulesTest {

    @TempDir
    Path dir;

    private static ByteArrayInputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Caller steward(String name, String... establishments) {
        return new Caller(name, EnumSet.of(Role.STEWARD), Set.of(establishments), "192.0.2.9");
    }

    @Test
    void aStewardOfSomeEstablishmentsSeesTheIngestionsTheyLaunchedAndOthersSeeEveryOne() {
        try (StoreFixture fx = new StoreFixture(dir)) {
            IngestionService ingestion = fx.ingestion;
            Caller nord = steward("int-nord", "E-NORD");
            Caller all = steward("int-tous");
            Ingestion mine = ingestion.submit(nord, csv("etablissement;direction;indicateur;periode;valeur\nE-NORD;D1;CLI-FAMILLES;2026-01;4\n"),
                    "nord.csv", null);
            Ingestion theirs = ingestion.submit(all, csv("etablissement;direction;indicateur;periode;valeur\nE-SUD;D1;CLI-FAMILLES;2026-01;5\n"),
                    "sud.csv", null);
            ingestion.awaitEnd(mine.id(), Duration.ofMinutes(1));
            ingestion.awaitEnd(theirs.id(), Duration.ofMinutes(1));

            assertThat(ingestion.recent(nord, 50)).extracting(Ingestion::fileName).containsExactly("nord.csv");
            assertThat(ingestion.recent(all, 50)).extracting(Ingestion::fileName).contains("nord.csv", "sud.csv");
            assertThatThrownBy(() -> ingestion.find(nord, theirs.id()))
                    .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.NOT_FOUND));
            assertThatThrownBy(() -> ingestion.writeRejects(nord, theirs.id(), Locale.CANADA_FRENCH, new ByteArrayOutputStream()))
                    .isInstanceOf(Refusal.class);
            assertThat(ingestion.find(all, mine.id()).status()).isEqualTo(IngestionStatus.COMPLETED);
        }
    }

    @Test
    void managersAndExecutivesDoNotLoadFilesAndALimitOutOfRangeIsRefused() {
        try (StoreFixture fx = new StoreFixture(dir)) {
            Caller manager = new Caller("gest", EnumSet.of(Role.MANAGER, Role.EXECUTIVE), Set.of(), null);
            assertThatThrownBy(() -> fx.ingestion.submit(manager, csv("etablissement;direction;indicateur;periode;valeur\n"), "x.csv", null))
                    .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.FORBIDDEN));
            assertThatThrownBy(() -> fx.ingestion.recent(manager, 10)).isInstanceOf(Refusal.class);
            assertThatThrownBy(() -> fx.ingestion.recent(steward("int"), 0))
                    .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.sentence().key()).isEqualTo("ingestion.limit"));
            assertThatThrownBy(() -> IngestionService.kind("mesures"))
                    .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.sentence().key()).isEqualTo("ingestion.unknown-kind"));
            assertThat(IngestionService.kind("auto")).isNull();
        }
    }

    @Test
    void aLaunchAStopAndARestartAreEachAuditedOnce() {
        try (StoreFixture fx = new StoreFixture(dir)) {
            Caller steward = steward("int");
            // A file that fails (an unknown indicator) so that it may be restarted.
            Ingestion failed = fx.ingestion.awaitEnd(fx.ingestion.submit(steward,
                    csv("etablissement;direction;indicateur;periode;valeur\nE-NORD;D1;INCONNU;2026-01;4\n"), "faux.csv", null).id(),
                    Duration.ofMinutes(1));
            assertThat(failed.status()).isEqualTo(IngestionStatus.FAILED);
            fx.ingestion.restart(steward, failed.id());
            fx.ingestion.awaitEnd(failed.id(), Duration.ofMinutes(1));
            assertThatThrownBy(() -> fx.ingestion.stop(steward, failed.id()))
                    .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.CONFLICT));
            assertThat(fx.context.getBean(AuditLog.class).recent(10)).extracting(e -> e.username() + " " + e.action() + " " + e.target())
                    .containsExactly("int ingestion-restarted ingestion " + failed.id(), "int ingestion-launched ingestion " + failed.id());
        }
    }
}
