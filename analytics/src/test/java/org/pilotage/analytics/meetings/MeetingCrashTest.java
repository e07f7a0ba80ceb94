package org.pilotage.analytics.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotage.analytics.FeatureFixture;
import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.access.Role;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A service killed (SIGKILL) during a meeting finds it open after restart with everything recorded until then; one
 * killed while archiving finds each meeting closed with its whole archive, or open without any: the check of the
 * archive passes.
 */
class MeetingCrashTest {

    static final Caller MANAGER = FeatureFixture.caller("gest", Role.MANAGER, "E1");

    @TempDir
    Path dir;

    /** Starts the child, reads its lines until {@code until} has been seen {@code times} times, then kills it. */
    private List<String> runAndKill(String mode, String until, int times) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx512m", "--enable-native-access=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-Djava.awt.headless=true", "-Dlogging.level.root=WARN", "-cp", System.getProperty("java.class.path"),
                MeetingProcess.class.getName(), mode, dir.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            int seen = 0;
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
                if (line.startsWith(until) && ++seen == times) {
                    break;
                }
            }
        } finally {
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close of the store
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(lines).as("the child got as far as asked").anyMatch(l -> l.startsWith(until));
        return lines;
    }

    private ConfigurableApplicationContext restart() {
        return FeatureFixture.reopen(dir);
    }

    @Test
    void killedDuringAMeetingItIsStillOpenWithEverythingRecorded() throws Exception {
        List<String> lines = runAndKill("meeting", "RECORDED", 1);
        long id = Long.parseLong(lines.getLast().substring("RECORDED ".length()));
        try (ConfigurableApplicationContext again = restart()) {
            MeetingService meetings = again.getBean(MeetingService.class);
            Meeting.Record r = meetings.record(MANAGER, id);
            assertThat(r.meeting().status()).isEqualTo(Meeting.Status.OPEN);
            assertThat(r.attendance()).extracting(Meeting.Attendance::presence).containsExactly(Presence.PRESENT);
            assertThat(r.decisions()).extracting(Meeting.Decision::text).containsExactly("Revoir la cible");
            assertThat(meetings.close(MANAGER, id).meeting().status()).isEqualTo(Meeting.Status.CLOSED);
        }
    }

    @Test
    void killedWhileArchivingEveryMeetingIsClosedWithItsWholeArchiveOrOpenWithNone() throws Exception {
        // killed right after announcing its 4th close, most likely inside it
        runAndKill("closing", "CLOSING", 4);
        try (ConfigurableApplicationContext again = restart()) {
            JdbcTemplate jdbc = again.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM meeting WHERE status = 'CLOSED'", Long.class)).isBetween(3L, 4L);
            assertThat(jdbc.queryForObject("""
                    SELECT count(*) FROM meeting m WHERE (m.status = 'CLOSED') <> EXISTS (SELECT 1 FROM meeting_archive a WHERE a.meeting_id = m.id)
                    """, Long.class)).as("a closed meeting without its archive, or an archive of an open one").isZero();
            long room = jdbc.queryForObject("SELECT DISTINCT room_id FROM meeting", Long.class);
            MeetingArchive.Verification v = again.getBean(MeetingService.class).verify(FeatureFixture.admin(), room);
            assertThat(v.ok()).as(String.valueOf(v)).isTrue();
        }
    }
}
