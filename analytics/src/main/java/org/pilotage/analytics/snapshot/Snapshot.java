package org.pilotage.analytics.snapshot;

/**
 * A downloadable file with what it shows and where its figures come from; {@code previous} when it is the picture a
 * chart had before its establishment's last publication, marked on itself, answered while the new one is drawn.
 */
public record Snapshot(byte[] bytes, String contentType, String fileName, Provenance provenance, boolean previous) {

    public Snapshot(byte[] bytes, String contentType, String fileName, Provenance provenance) {
        this(bytes, contentType, fileName, provenance, false);
    }

    /** This PNG with a band under it saying {@code banner}: the picture a viewer gets while its successor is drawn. */
    Snapshot markedPrevious(String banner) {
        return new Snapshot(org.pilotage.analytics.charts.ChartEncoder.withBanner(bytes, banner), contentType, fileName, provenance, true);
    }
}
