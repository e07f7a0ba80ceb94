package org.pilotage.ui.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.pilotage.analytics.store.DuckDbStore;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The servlet container's multipart spill folder lives in the data dir too (spring.servlet.multipart.location).
 * At start-up nothing is being uploaded: what is left there was cut by a stop of the service, and is removed.
 */
@Component
class DataDirFolders implements InitializingBean {

    private final DuckDbStore store;

    DataDirFolders(DuckDbStore store) {
        this.store = store;
    }

    @Override
    public void afterPropertiesSet() {
        Path spill = store.dataDir().resolve("tmp-uploads");
        try {
            Files.createDirectories(spill);
            try (var files = Files.list(spill)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
