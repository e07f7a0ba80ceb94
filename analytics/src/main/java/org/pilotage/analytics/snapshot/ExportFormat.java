package org.pilotage.analytics.snapshot;

import java.util.Optional;

/** The formats a chart, its data or a room report can be downloaded in. */
public enum ExportFormat {
    PNG("png", "image/png", true),
    SVG("svg", "image/svg+xml", true),
    PDF("pdf", "application/pdf", true),
    CSV("csv", "text/csv; charset=UTF-8", false),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false),
    ARROW("arrow", "application/vnd.apache.arrow.file", false);

    private final String extension;
    private final String contentType;
    private final boolean image;

    ExportFormat(String extension, String contentType, boolean image) {
        this.extension = extension;
        this.contentType = contentType;
        this.image = image;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** A picture of the chart (PNG, SVG, PDF) rather than the data behind it. */
    public boolean image() {
        return image;
    }

    public static Optional<ExportFormat> parse(String extension) {
        for (ExportFormat f : values()) {
            if (f.extension.equalsIgnoreCase(extension)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
