package org.pilotage.analytics.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pilotage.analytics.FeatureFixture.admin;
import static org.pilotage.analytics.FeatureFixture.caller;

import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotage.analytics.FeatureFixture;
import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.access.Role;
import org.pilotage.analytics.dashboard.RoomChart;
import org.pilotage.analytics.rooms.ReportingPeriod;
import org.pilotage.analytics.rooms.RoomFilters;
import org.pilotage.analytics.rooms.RoomService;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.text.Refusal;

/** Who downloads snapshots, reports and data (executives and admins; managers when the policy says so), each download audited. */
class DownloadPolicyTest {

    @TempDir
    static Path dir;
    static FeatureFixture fx;
    static SnapshotService snapshots;
    static SteeringRoom room;
    static RoomFilters filters;

    @BeforeAll
    static void aRoom() {
        fx = new FeatureFixture(dir);
        snapshots = fx.bean(SnapshotService.class);
        room = fx.room("Salle E1", "C1");
        filters = new RoomFilters(ReportingPeriod.month(fx.bean(RoomService.class).lastCompleteMonth()));
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    @Test
    void anExecutiveDownloadsAndTheDownloadIsAudited() {
        Caller executive = caller("dir", Role.EXECUTIVE);
        Snapshot png = snapshots.download(executive, room, RoomChart.ORGANISATIONAL, filters, Locale.CANADA_FRENCH, ExportFormat.PNG);
        assertThat(png.contentType()).isEqualTo("image/png");
        Snapshot report = snapshots.downloadReport(executive, room, filters, Locale.CANADA);
        assertThat(report.contentType()).isEqualTo("application/pdf");
        assertThat(fx.audit()).contains("dir download room " + room.id() + " report.pdf",
                "dir download room " + room.id() + " " + RoomChart.ORGANISATIONAL.id() + ".png");
    }

    @Test
    void aManagerDoesNotDownloadUnderTheDefaultPolicy() {
        Caller manager = caller("gest", Role.MANAGER);
        assertThat(snapshots.mayDownload(manager)).isFalse();
        assertThat(new ExportPolicy(true).mayDownload(manager)).isTrue();
        assertThatThrownBy(() -> snapshots.downloadReport(manager, room, filters, Locale.CANADA_FRENCH))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.reason()).isEqualTo(Refusal.Reason.FORBIDDEN);
                    assertThat(r.sentence().key()).isEqualTo("access.download-forbidden");
                });
        assertThat(fx.audit()).noneMatch(e -> e.startsWith("gest "));
    }
}
