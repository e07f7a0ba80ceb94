package org.pilotage.analytics.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DuckDB's JDBC driver copies its native library into the temporary folder and asks the JVM to delete it
 * at exit, which a killed process never reaches: 70 MB left behind by every unclean exit. Once the
 * library is loaded its file is no longer needed (the process keeps its mapping), so it is deleted at
 * once.
 */
final class NativeLibrary {

    private static final Logger log = LoggerFactory.getLogger(NativeLibrary.class);

    private NativeLibrary() {
    }

    static void forgetExtractedCopy() {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return; // not Linux: the driver's own clean-up at exit stays
        }
        try {
            List<String> lines = Files.readAllLines(maps);
            Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
            lines.stream()
                    .map(l -> l.indexOf('/') < 0 ? null : l.substring(l.indexOf('/')).strip())
                    .filter(p -> p != null && p.contains("libduckdb_java") && !p.endsWith("(deleted)"))
                    .map(Path::of)
                    .filter(p -> p.toAbsolutePath().normalize().startsWith(tmp))
                    .distinct()
                    .forEach(p -> {
                        try {
                            Files.deleteIfExists(p);
                        } catch (IOException e) {
                            log.debug("Could not delete {}: {}", p, e.getMessage());
                        }
                    });
        } catch (IOException | RuntimeException e) {
            log.debug("Could not read the process's mappings: {}", e.getMessage());
        }
    }
}
