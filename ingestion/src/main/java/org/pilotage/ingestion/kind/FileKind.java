package org.pilotage.ingestion.kind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pilotage.analytics.text.Fold;

/** The file kinds of the data contract, with their columns in English and French. */
public enum FileKind {

    INDICATOR_MEASURES("indicator-measures", List.of(
            new Column("establishment", "etablissement", true),
            new Column("direction", "direction", true),
            new Column("project", "projet", false),
            new Column("indicator", "indicateur", true),
            new Column("level", "niveau", false),
            new Column("period", "periode", true),
            new Column("value", "valeur", true),
            new Column("target", "cible", false),
            new Column("comment", "commentaire", false))),

    PROJECT_COUNTS("project-counts", List.of(
            new Column("establishment", "etablissement", true),
            new Column("direction", "direction", true),
            new Column("period", "periode", true),
            new Column("category", "categorie", true),
            new Column("count", "nombre", true))),

    INDICATOR_CATALOGUE("indicator-catalogue", List.of(
            new Column("code", "code", true),
            new Column("level", "niveau", true),
            new Column("label_fr", "libelle_fr", true),
            new Column("label_en", "libelle_en", true),
            new Column("unit", "unite", true),
            new Column("better", "sens", true),
            new Column("default_target", "cible_defaut", false)));

    private final String code;
    private final List<Column> columns;

    FileKind(String code, List<Column> columns) {
        this.code = code;
        this.columns = columns;
    }

    public String code() {
        return code;
    }

    public List<Column> columns() {
        return columns;
    }

    public static Optional<FileKind> ofCode(String code) {
        for (FileKind k : values()) {
            if (k.code.equals(Fold.fold(code))) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The column a header cell names, in English or French, whatever its case and accents. */
    public Optional<Column> column(String header) {
        String folded = Fold.fold(header).replace(' ', '_');
        for (Column c : columns) {
            if (c.name().equals(folded) || c.frenchName().equals(folded)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * Maps a header row: for each cell, the English column name, or null for a column this kind does not know.
     *
     * @throws UnreadableFileException naming the first required column that is missing
     */
    public List<String> mapHeader(List<String> header) {
        List<String> mapped = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = column(header.get(i)).map(Column::name).orElse(null);
            if (name != null && seen.putIfAbsent(name, i) != null) {
                throw new UnreadableFileException("file.duplicate-column", header.get(i).strip());
            }
            mapped.add(name);
        }
        for (Column c : columns) {
            if (c.required() && !seen.containsKey(c.name())) {
                throw new UnreadableFileException("file.missing-column", c.frenchName(), c.name());
            }
        }
        return mapped;
    }

    /** The kind whose required columns a header holds best; empty when none has all of them. */
    public static Optional<FileKind> recognise(List<String> header) {
        FileKind best = null;
        int bestScore = -1;
        for (FileKind kind : values()) {
            long known = header.stream().filter(h -> kind.column(h).isPresent()).count();
            boolean complete = kind.columns.stream().filter(Column::required)
                    .allMatch(c -> header.stream().anyMatch(h -> kind.column(h).filter(c::equals).isPresent()));
            if (complete && known > bestScore) {
                best = kind;
                bestScore = (int) known;
            }
        }
        return Optional.ofNullable(best);
    }
}
