package org.pilotage.ui.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import com.vaadin.flow.function.SerializableBiConsumer;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;

/**
 * Receives a steward's upload into the data dir under a generated name, with the size limit
 * enforced here on the server (the browser's limit is only a hint), then hands it to the view.
 */
class StewardUploadHandler implements UploadHandler {

    private final Path folder;
    private final long maxBytes;
    private final SerializableBiConsumer<String, Path> received;
    private final SerializableConsumer<String> refused;

    StewardUploadHandler(Path folder, long maxBytes, SerializableBiConsumer<String, Path> received,
                         SerializableConsumer<String> refused) {
        this.folder = folder;
        this.maxBytes = maxBytes;
        this.received = received;
        this.refused = refused;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve("ui-" + UUID.randomUUID() + ".upload");
        String name = event.getFileName();
        boolean tooLarge = false;
        try (InputStream in = event.getInputStream(); OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > maxBytes) {
                    tooLarge = true;
                    break;
                }
                out.write(buffer, 0, n);
            }
        }
        if (tooLarge) {
            Files.deleteIfExists(target);
            event.reject("too large");
            event.getUI().access(() -> refused.accept(name));
            return;
        }
        event.getUI().access(() -> received.accept(name, target));
    }

    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }

    @Override
    public long getRequestSizeMax() {
        return maxBytes + 1024 * 1024;
    }

    @Override
    public long getFileCountMax() {
        return 10;
    }
}
