package org.pilotage.ingestion.kind;

/** A column of a file kind: its English name (used inside Pilotage), its French name, and whether it is required. */
public record Column(String name, String frenchName, boolean required) {
}
