package org.pilotage.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.pilotage.analytics.store.DuckDbStore;
import org.pilotage.ui.RunningPilotage;
import org.springframework.beans.factory.annotation.Autowired;

/** Uploads that try to hurt: too large, not what they claim, a zip bomb, a path in the name, one endless line. */
class UploadAbuseTest extends RunningPilotage {

    @Autowired
    DuckDbStore store;

    private HttpResponse<String> upload(String fileName, byte[] content) throws Exception {
        return upload("steward", "demo", fileName, content);
    }

    private static void noInternals(HttpResponse<String> r) {
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("org.pilotage");
    }

    @Test
    void aFileOverTheLimitIs413WithASentence() throws Exception {
        byte[] big = new byte[61 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        HttpResponse<String> r = upload("gros.csv", big);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).startsWith("{\"error\":\"");
        noInternals(r);
    }

    @Test
    void aPictureNamedCsvAndTextNamedXlsxFailWithASentenceAndWriteNothing() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0, 0, 0, 1, 0, 8, 2};
        HttpResponse<String> picture = upload("image.csv", png);
        assertThat(picture.statusCode()).isIn(200, 415);
        assertThat(picture.body()).containsAnyOf("\"status\":\"FAILED\"", "\"error\"");
        noInternals(picture);
        HttpResponse<String> text = upload("faux.xlsx", "etablissement;direction\nE;D\n".getBytes(StandardCharsets.UTF_8));
        assertThat(text.body()).containsAnyOf("\"status\":\"FAILED\"", "\"error\"");
        noInternals(text);
    }

    @Test
    void anXlsxZipBombIsRefusedBeforeItIsInflated() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("[Content_Types].xml"));
            z.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] spaces = new byte[1024 * 1024];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 200; i++) {
                z.write(spaces); // 200 MB of blanks in a few hundred kilobytes
            }
        }
        long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        HttpResponse<String> r = upload("bombe.xlsx", zip.toByteArray());
        assertThat(r.body()).contains("\"status\":\"FAILED\"");
        noInternals(r);
        assertThat(Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory() - before).isLessThan(150L * 1024 * 1024);
    }

    @Test
    void aPathInTheFileNameIsNeverUsedAsAPath() throws Exception {
        Path escape = store.dataDir().getParent().resolve("evasion.csv");
        Files.deleteIfExists(escape);
        HttpResponse<String> r = upload("../evasion.csv", "etablissement;direction;indicateur;periode;valeur\nE-EVASION;D1;CLI-FAMILLES;2026-01;1\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Files.exists(escape)).isFalse();
        try (var uploads = Files.list(store.dataDir().resolve("uploads"))) {
            assertThat(uploads.map(p -> p.getFileName().toString())).allMatch(n -> n.matches("[0-9a-f-]{36}\\.upload"));
        }
    }

    @Test
    void fiftyMegabytesOfOneLineFailWithASentenceNotAnOutOfMemory() throws Exception {
        byte[] line = new byte[50 * 1024 * 1024];
        Arrays.fill(line, (byte) 'x');
        byte[] header = "etablissement;direction;indicateur;periode;valeur\nE;D;CLI-FAMILLES;2026-01;".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[header.length + line.length];
        System.arraycopy(header, 0, file, 0, header.length);
        System.arraycopy(line, 0, file, header.length, line.length);
        HttpResponse<String> r = upload("une-ligne.csv", file);
        assertThat(r.statusCode()).isIn(200, 400);
        assertThat(r.body()).containsAnyOf("\"status\":\"FAILED\"", "\"status\":\"COMPLETED\"", "\"error\"");
        assertThat(r.body()).doesNotContain("\"rowsWritten\":1");
        noInternals(r);
    }
}
