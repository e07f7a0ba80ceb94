package org.pilotage.ingestion.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the pass over every byte of a CSV file tells of the spaces around its cells. */
class CsvScanTest {

    @TempDir
    Path dir;

    private CsvScan scan(String text, Charset charset) throws Exception {
        Path file = dir.resolve("f.csv");
        Files.writeString(file, text, charset);
        return CsvScan.of(file);
    }

    private boolean spaced(String body) throws Exception {
        return scan("a;b;c\n" + body, StandardCharsets.UTF_8).spaced();
    }

    @Test
    void aFileWhoseCellsNeitherStartNorEndWithASpaceNeedsNoTrimming() throws Exception {
        assertThat(spaced("x;y z;1,5\n\"quoted; text\";\"\";\n\nÉté;Montréal;é\n")).isFalse();
        assertThat(spaced("x;y;z")).as("a last line without its line end").isFalse();
    }

    @Test
    void aSpaceAtEitherEndOfAnyCellIsSeen() throws Exception {
        assertThat(spaced("x; y;z\n")).isTrue();
        assertThat(spaced("x;y ;z\n")).isTrue();
        assertThat(spaced("x;y;z \n")).isTrue();
        assertThat(spaced("x;y;z \r\n")).isTrue();
        assertThat(spaced("x;y;z \n")).isTrue();
        assertThat(spaced("x;\" y\";z\n")).as("inside quotes, which the reader takes off").isTrue();
        assertThat(spaced("x;y;z\nu;v;w ")).as("the last cell of the file").isTrue();
    }

    @Test
    void theUnicodeSpacesThatTrimmingRemovesAreSeenAtEitherEnd() throws Exception {
        assertThat(spaced("x;\u00A0y;z\n")).isTrue();
        assertThat(spaced("x;y\u00A0;z\n")).isTrue();
        assertThat(spaced("x;y;\u202Fz\n")).isTrue();
        assertThat(spaced("x;y\u3000;z\n")).isTrue();
        assertThat(spaced("x;\u2003y;z\n")).isTrue();
        assertThat(spaced("x;y\u00A0z;w\n")).as("a no-break space inside a cell stays").isFalse();
    }

    @Test
    void aFileNotInUtf8IsAlwaysTrimmed() throws Exception {
        assertThat(scan("a;b\nÉté;x\n", Charset.forName("windows-1252")).spaced()).isTrue();
    }
}
