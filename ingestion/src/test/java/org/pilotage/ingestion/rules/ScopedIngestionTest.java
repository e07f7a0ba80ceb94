package org.pilotage.ingestion.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotage.ingestion.IngestionRefusedException;
import org.pilotage.ingestion.load.StoreFixture;
import org.pilotage.ingestion.log.Ingestion;
import org.pilotage.ingestion.log.IngestionStatus;

/** A steward limited to some establishments loads their rows only; the shared catalogue is not theirs to load. */
class ScopedIngestionTest {

    @TempDir
    Path dir;

    private static ByteArrayInputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rowsOfAnotherEstablishmentAreRejectedWithTheirReasonAndTheOthersLoad() {
        try (StoreFixture fx = new StoreFixture(dir)) {
            StringBuilder file = new StringBuilder("etablissement;direction;indicateur;periode;valeur\n");
            for (int i = 0; i < 40; i++) {
                file.append("E-NORD;D").append(i).append(";CLI-FAMILLES;2026-01;").append(i).append('\n');
            }
            file.append("E-SUD;D1;CLI-FAMILLES;2026-01;7\n");
            Ingestion queued = fx.ingestion.submit(csv(file.toString()), "mesures.csv", null, "int-nord", Set.of("E-NORD"));
            Ingestion done = fx.ingestion.awaitEnd(queued.id(), Duration.ofMinutes(1));
            assertThat(done.status()).isEqualTo(IngestionStatus.COMPLETED);
            assertThat(done.rowsWritten()).isEqualTo(40);
            assertThat(done.rowsRejected()).isEqualTo(1);
            assertThat(fx.rejects(done.id(), "{line}|{column}|{reason}")).containsExactly("42|establishment|établissement hors de votre portée");
            assertThat(fx.count("SELECT count(*) FROM indicator_measure WHERE establishment = 'E-SUD'")).isZero();

            Ingestion all = fx.ingestion.awaitEnd(fx.ingestion.submit(csv("etablissement;direction;indicateur;periode;valeur\nE-SUD;D1;CLI-FAMILLES;2026-02;7\n"),
                    "sud.csv", null, "steward", Set.of()).id(), Duration.ofMinutes(1));
            assertThat(all.rowsWritten()).isEqualTo(1);
        }
    }

    @Test
    void theSharedCatalogueIsRefusedToAStewardOfSomeEstablishments() {
        try (StoreFixture fx = new StoreFixture(dir)) {
            String catalogue = "code,level,label_fr,label_en,unit,better,default_target\nNOUVEAU,clientele,Nouveau,New,count,up,3\n";
            assertThatThrownBy(() -> fx.ingestion.submit(csv(catalogue), "catalogue.csv", null, "int-nord", Set.of("E-NORD")))
                    .isInstanceOfSatisfying(IngestionRefusedException.class,
                            e -> assertThat(e.getMessage()).contains("catalogue d'indicateurs"));
        }
    }
}
