package org.pilotage.ui.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.pilotage.analytics.store.DuckDbStore;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/** The servlet container's multipart spill folder lives in the data dir too (spring.servlet.multipart.location). */
@Component
class DataDirFolders implements InitializingBean {

    private final DuckDbStore store;

    DataDirFolders(DuckDbStore store) {
        this.store = store;
    }

    @Override
    public void afterPropertiesSet() {
        try {
            Files.createDirectories(store.dataDir().resolve("tmp-uploads"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
