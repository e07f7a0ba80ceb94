package org.pilotage.ui.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotage.analytics.store.StoreUnavailableException;
import org.pilotage.ui.PilotageApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Start-up without the demo profile: the first administrator, and the sentences that stop start-up. */
class FirstRunTest {

    @TempDir
    Path dir;

    /** Settings as command-line arguments, which win over application.properties as they do in production. */
    private ConfigurableApplicationContext run(Path dataDir, String... more) {
        String[] args = java.util.stream.Stream.concat(
                java.util.stream.Stream.of("--server.port=0", "--pilotage.data-dir=" + dataDir),
                java.util.Arrays.stream(more).map(a -> "--" + a)).toArray(String[]::new);
        return new SpringApplicationBuilder(PilotageApplication.class).run(args);
    }

    @Test
    void withoutUsersOrAdminPasswordStartUpStopsAndSaysWhatToSet() {
        assertThatThrownBy(() -> run(dir.resolve("data")).close())
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessage("No user exists yet and PILOTAGE_ADMIN_PASSWORD is not set: set it to the password of the first administrator (user admin), or start with the demo profile.");
    }

    @Test
    void theAdminPasswordCreatesTheFirstAdministratorAndNoDemoUser() throws Exception {
        // an upload a stop of the service cut short, in the container's spill folder
        Path partial = Files.createDirectories(dir.resolve("data").resolve("tmp-uploads")).resolve("upload_partiel.tmp");
        Files.write(partial, new byte[1024]);
        try (ConfigurableApplicationContext context = run(dir.resolve("data"), "pilotage.admin-password=Un-mot-de-passe-2026")) {
            assertThat(partial).as("partial upload removed at start-up").doesNotExist();
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            assertThat(status(port, "admin", "Un-mot-de-passe-2026")).isEqualTo(200);
            assertThat(status(port, "manager", "demo")).isEqualTo(401);
            // The default catalogue is there in every profile.
            assertThat(context.getBean(org.pilotage.analytics.catalogue.CatalogueRepository.class).findAll()).hasSize(12);
        }
    }

    @Test
    void aDataDirThatCannotBeCreatedIsExplainedInOneSentence() throws Exception {
        Path blocked = Files.writeString(dir.resolve("blocked"), "a file, not a folder");
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> run(blocked.resolve("data")).close());
        StoreUnavailableException cause = findCause(failure);

        FailureAnalysis analysis = new StoreFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription()).isEqualTo(cause.getMessage())
                .startsWith("The data directory " + blocked.resolve("data"))
                .doesNotContain("\n");
    }

    private static StoreUnavailableException findCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof StoreUnavailableException s) {
                return s;
            }
        }
        throw new AssertionError("no StoreUnavailableException in " + t);
    }

    private static int status(int port, String user, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/establishments"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
