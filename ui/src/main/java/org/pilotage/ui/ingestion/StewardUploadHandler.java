package org.pilotage.ui.ingestion;

import java.io.IOException;
import java.io.InputStream;

import com.vaadin.flow.function.SerializableBiConsumer;
import com.vaadin.flow.function.SerializableFunction;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import org.pilotage.analytics.text.Refusal;
import org.pilotage.ingestion.Uploads;

/**
 * Hands a steward's upload, as it streams in, to the ingestion service, which keeps it and digests it in
 * the same pass with the size limit enforced on the server (the browser's limit is only a hint), then
 * hands what was kept, or the refusal, to the view.
 */
class StewardUploadHandler implements UploadHandler {

    private final long maxBytes;
    private final SerializableFunction<InputStream, Uploads.Stored> receiver;
    private final SerializableBiConsumer<String, Uploads.Stored> received;
    private final SerializableBiConsumer<String, Refusal> refused;

    StewardUploadHandler(long maxBytes, SerializableFunction<InputStream, Uploads.Stored> receiver,
                         SerializableBiConsumer<String, Uploads.Stored> received, SerializableBiConsumer<String, Refusal> refused) {
        this.maxBytes = maxBytes;
        this.receiver = receiver;
        this.received = received;
        this.refused = refused;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        String name = event.getFileName();
        Uploads.Stored stored;
        try (InputStream in = event.getInputStream()) {
            stored = receiver.apply(in);
        } catch (Refusal e) {
            event.reject(e.english());
            event.getUI().access(() -> refused.accept(name, e));
            return;
        }
        event.getUI().access(() -> received.accept(name, stored));
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
