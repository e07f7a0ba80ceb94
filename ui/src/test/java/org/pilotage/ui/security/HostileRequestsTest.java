package org.pilotage.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.pilotage.ui.RunningPilotage;

/**
 * Requests an attacker or a broken tool sends: every one answers a 4xx with one sentence in JSON (never
 * a 500, an empty 403 or the container's page), and a valid workbook its generator wrote without cell
 * references loads.
 */
class HostileRequestsTest extends RunningPilotage {

    private static final String STEWARD = "Basic " + Base64.getEncoder().encodeToString("steward:demo".getBytes(StandardCharsets.UTF_8));

    private HttpResponse<String> post(String contentType, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url("/api/ingestions?wait=true")))
                .header("Authorization", STEWARD).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void oneSentence(HttpResponse<String> r, int... statuses) {
        List<Integer> allowed = new ArrayList<>();
        for (int s : statuses) {
            allowed.add(s);
        }
        assertThat(r.statusCode()).as(r.body()).isIn(allowed);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(r.body()).startsWith("{\"error\":\"").doesNotContain("Exception").doesNotContain("org.").doesNotContain("\\tat ")
                .doesNotContain("<html");
    }

    @Test
    void aMalformedMultipartBodyIs400WithASentence() throws Exception {
        HttpResponse<String> r = post("multipart/form-data; boundary=----x", "this is not multipart at all".getBytes(StandardCharsets.UTF_8));
        oneSentence(r, 400);
        assertThat(r.body()).contains("« file »");
    }

    @Test
    void moreThanTenPartsIs400WithASentence() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            body.append("------p\r\nContent-Disposition: form-data; name=\"f").append(i).append("\"\r\n\r\nx\r\n");
        }
        body.append("------p--\r\n");
        HttpResponse<String> r = post("multipart/form-data; boundary=----p", body.toString().getBytes(StandardCharsets.UTF_8));
        oneSentence(r, 400);
        assertThat(r.body()).contains("trop de parties");
    }

    @Test
    void aTenThousandCharacterFileNameIs400WithASentence() throws Exception {
        String name = "a".repeat(10_000) + ".csv";
        HttpResponse<String> r = post("multipart/form-data; boundary=----n", ("------n\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + name + "\"\r\nContent-Type: text/csv\r\n\r\netablissement;direction\r\n------n--\r\n").getBytes(StandardCharsets.UTF_8));
        oneSentence(r, 400);
        assertThat(r.body()).contains("255 caractères");
    }

    @Test
    void aFileNameWithANulCharacterIsLoadedUnderACleanName() throws Exception {
        HttpResponse<String> r = upload("steward", "demo", "nul\u0000le.csv",
                "etablissement;direction;indicateur;periode;valeur\nNUL-E;D1;CLI-FAMILLES;2026-01;1\n".getBytes(StandardCharsets.UTF_8));
        if (r.statusCode() == 200) {
            assertThat(r.body()).contains("\"status\":\"COMPLETED\"").contains("\"fileName\":\"nulle.csv\"");
        } else {
            oneSentence(r, 400);
        }
    }

    @Test
    void anEncodedSlashInAnApiPathAnswersInJson() throws Exception {
        // Sent as is on a socket: the container answers it before any filter runs.
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(("GET /api/rooms/1/charts/..%2F..%2Fetc%2Fpasswd.png HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: " + STEWARD + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 4").contains("application/json").contains("{\"error\":\"")
                    .doesNotContain("<html").doesNotContain("Tomcat");
        }
    }

    @Test
    void aValidWorkbookWithoutCellReferencesLoads() throws Exception {
        byte[] workbook;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet("Mesures");
            String[][] rows = {{"etablissement", "direction", "indicateur", "periode", "valeur"},
                    {"SANS-R", "D1", "CLI-FAMILLES", "2026-01", "4"}, {"SANS-R", "D2", "CLI-FAMILLES", "2026-01", "6"}};
            for (int r = 0; r < rows.length; r++) {
                XSSFRow row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
            workbook = withoutReferences(out.toByteArray());
        }
        HttpResponse<String> r = upload("steward", "demo", "sans-references.xlsx", workbook);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"status\":\"COMPLETED\"").contains("\"rowsWritten\":2");
    }

    /** The same workbook with the optional {@code r} attributes of its rows and cells left out, as some generators write it. */
    private static byte[] withoutReferences(byte[] xlsx) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                if (e.getName().startsWith("xl/worksheets/")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    String stripped = xml.replaceAll("(<(?:c|row)\\b[^>]*?) r=\"[A-Z]*[0-9]+\"", "$1");
                    assertThat(stripped).doesNotContain(" r=\"");
                    content = stripped.getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void theSameFilePostedTwiceAtOnceAnswersDuplicateOrConflictNeverAFailure() throws Exception {
        for (int round = 0; round < 5; round++) {
            StringBuilder csv = new StringBuilder("etablissement;direction;projet;indicateur;periode;valeur\n");
            for (int k = 0; k < 8_000; k++) {
                csv.append("TWICE-").append(round).append(";D").append(k % 40).append(";P").append(k / 40).append(";CLI-FAMILLES;2026-01;")
                        .append(k % 17).append('\n');
            }
            byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
            CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> send(bytes));
            CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(() -> send(bytes));
            List<HttpResponse<String>> answers = List.of(first.join(), second.join());
            assertThat(answers).filteredOn(r -> r.statusCode() == 200 && r.body().contains("\"status\":\"COMPLETED\"")).hasSize(1);
            assertThat(answers).as("round " + round).allSatisfy(r -> {
                assertThat(r.body()).doesNotContain("FAILED").doesNotContain("JobParameter").doesNotContain("instance");
                if (r.statusCode() == 409) {
                    assertThat(r.body()).contains("déjà en cours de chargement");
                } else {
                    assertThat(r.statusCode()).isEqualTo(200);
                    assertThat(r.body()).containsAnyOf("\"status\":\"COMPLETED\"", "\"status\":\"DUPLICATE\"");
                }
            });
        }
    }

    private HttpResponse<String> send(byte[] bytes) {
        try {
            return upload("steward", "demo", "deux-fois.csv", bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
