package org.pilotage.ingestion.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk is survivable: with the data dir on a small file system (a tmpfs mounted in a mount
 * namespace of the test's own, so nothing outside sees it), a load that does not fit fails with «espace
 * disque insuffisant» and health says so; once room is back, the next load works without a restart.
 */
class DiskFullTest {

    @TempDir
    Path dir;

    @Test
    void aFullDiskFailsTheLoadWithASentenceAndTheNextLoadWorksOnceThereIsRoom() throws Exception {
        Path data = dir.resolve("service");
        Files.createDirectories(data);
        Path file = dir.resolve("mesures.csv");
        int rows = 400_000;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("establishment,direction,project,indicator,period,value,comment\n");
            for (int k = 0; k < rows; k++) {
                out.write("DISK-E,D" + (k % 700) + ",P" + (k / 700) + ",CLI-FAMILLES,2026-01," + (k % 997)
                        + ",note " + Integer.toHexString(k * 7919) + "\n");
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String mount = "mount -t tmpfs -o size=256m tmpfs '" + data + "' && exec '" + java + "' -Xmx512m"
                + " --enable-native-access=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED -Dlogging.level.root=WARN"
                + " -cp '" + System.getProperty("java.class.path") + "' " + DiskFullProcess.class.getName() + " '" + data + "'";
        // A mount namespace of its own: as root directly, otherwise as root of a user namespace.
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private"));
        if (!"root".equals(System.getProperty("user.name"))) {
            command.add("--map-root-user");
        }
        command.addAll(List.of("sh", "-c", mount));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer to = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
            assertThat(next(in)).isEqualTo("READY");
            assertThat(ask(to, in, "HEALTH")).isEqualTo("HEALTH UP");

            // room for the upload (21 MB) and less than a megabyte more: the published rows do not fit (the workspace is in memory)
            assertThat(ask(to, in, "FILL 22")).startsWith("FILLED");
            String failed = ask(to, in, "LOAD " + file);
            assertThat(failed).startsWith("END FAILED 0 Espace disque insuffisant sur le serveur");
            assertThat(ask(to, in, "HEALTH")).isEqualTo("HEALTH DOWN DISK_FULL");
            assertThat(ask(to, in, "COUNT")).isEqualTo("COUNT 0");

            assertThat(ask(to, in, "FILL 4")).startsWith("FILLED");
            assertThat(ask(to, in, "LOAD " + file)).as("a file the disk cannot even receive")
                    .startsWith("REFUSED INSUFFICIENT_STORAGE Espace disque insuffisant sur le serveur pour recevoir ce fichier");
            assertThat(ask(to, in, "FREE")).startsWith("FREED");
            assertThat(ask(to, in, "HEALTH")).isEqualTo("HEALTH UP");
            assertThat(ask(to, in, "LOAD " + file)).isEqualTo("END COMPLETED " + rows + " " + String.format(Locale.CANADA_FRENCH,
                    "%,d", rows).replace('\u202F', '\u00A0') + " lignes chargées.");
            assertThat(ask(to, in, "COUNT")).isEqualTo("COUNT " + rows);
            assertThat(ask(to, in, "HEALTH")).isEqualTo("HEALTH UP");
        } finally {
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            // what the child logged after the last answer read, for a failure to be read in this test's output
            try (BufferedReader rest = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                rest.lines().forEach(l -> System.out.println("[child] " + l));
            } catch (java.io.IOException | java.io.UncheckedIOException ignored) {
                // the stream closed with the process
            }
        }
    }

    private static String ask(Writer to, BufferedReader in, String command) throws Exception {
        to.write(command + "\n");
        to.flush();
        return next(in);
    }

    /** The next answer line; what the child logs goes by, into this test's output for a failure to be read. */
    private static String next(BufferedReader in) throws Exception {
        String line;
        while ((line = in.readLine()) != null) {
            if (line.matches("(READY|HEALTH|FILLED|FREED|END|REFUSED|COUNT|UNKNOWN).*")) {
                return line;
            }
            System.out.println("[child] " + line);
        }
        return "(the service ended)";
    }
}
