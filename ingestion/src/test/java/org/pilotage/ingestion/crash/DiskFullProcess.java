package org.pilotage.ingestion.crash;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.pilotage.analytics.store.StoreHealth;
import org.pilotage.ingestion.kind.FileKind;
import org.pilotage.ingestion.load.StoreFixture;
import org.pilotage.ingestion.log.Ingestion;

/**
 * The ingestion side of the service in a process of its own, its data dir on a small file system, driven
 * by commands on its input: {@code FILL <MB left>} takes the disk's room with a filler file,
 * {@code FREE} removes it, {@code LOAD <file>} loads a file, {@code HEALTH} tells the store's health.
 * It answers each with one line.
 */
public final class DiskFullProcess {

    private DiskFullProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        try (StoreFixture service = new StoreFixture(dir);
             BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            Path filler = service.store.dataDir().resolve("filler.bin");
            say("READY");
            String command;
            while ((command = in.readLine()) != null) {
                String[] words = command.split(" ", 2);
                switch (words[0]) {
                    case "FILL" -> {
                        long keep = Long.parseLong(words[1]) * 1024 * 1024;
                        Files.deleteIfExists(filler);
                        long free = Files.getFileStore(service.store.dataDir()).getUsableSpace();
                        try (OutputStream out = Files.newOutputStream(filler)) {
                            byte[] block = new byte[1 << 20];
                            for (long left = free - keep; left > 0; left -= block.length) {
                                out.write(block, 0, (int) Math.min(block.length, left));
                            }
                        }
                        say("FILLED " + Files.getFileStore(service.store.dataDir()).getUsableSpace() / (1024 * 1024));
                    }
                    case "FREE" -> {
                        Files.deleteIfExists(filler);
                        say("FREED " + Files.getFileStore(service.store.dataDir()).getUsableSpace() / (1024 * 1024));
                    }
                    case "LOAD" -> {
                        Ingestion i;
                        try {
                            i = service.ingestion.load(Path.of(words[1]), "disque.csv", FileKind.INDICATOR_MEASURES, "steward",
                                    Duration.ofMinutes(3));
                            say("END " + i.status() + " " + i.rowsWritten() + " " + i.message());
                        } catch (org.pilotage.analytics.text.Refusal e) {
                            say("REFUSED " + e.reason() + " " + e.french());
                        }
                    }
                    case "HEALTH" -> {
                        StoreHealth h = service.store.health();
                        say("HEALTH " + (h.up() ? "UP" : "DOWN " + h.cause()));
                    }
                    case "COUNT" -> say("COUNT " + service.count("SELECT count(*) FROM indicator_measure"));
                    default -> say("UNKNOWN " + command);
                }
            }
        }
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
