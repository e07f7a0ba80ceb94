package org.pilotage.analytics.snapshot;

/** A downloadable file with what it shows and where its figures come from. */
public record Snapshot(byte[] bytes, String contentType, String fileName, Provenance provenance) {
}
