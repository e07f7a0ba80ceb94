package org.pilotage.ui.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.text.Invalid;
import org.pilotage.ingestion.IngestionService;
import org.pilotage.ingestion.log.Ingestion;
import org.pilotage.ui.security.CurrentCaller;
import org.pilotage.ui.web.ApiError;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The ingestion endpoints of API.md, for stewards' scripts (role steward or admin). */
@RestController
class IngestionController {

    /** One ingestion as the API shows it, its sentence in the caller's language; the stored file's path stays inside. */
    record IngestionView(long id, String kind, String fileName, String sha256, String status, long rowsRead, long rowsWritten,
                         long rowsRejected, String message, OffsetDateTime startedAt, OffsetDateTime endedAt, Long duplicateOf) {

        static IngestionView of(Ingestion i, Locale locale) {
            return new IngestionView(i.id(), i.kind(), i.fileName(), i.sha256(), i.status().name(), i.rowsRead(),
                    i.rowsWritten(), i.rowsRejected(), i.sentence() == null ? null : i.sentence().in(locale), i.startedAt(), i.endedAt(),
                    i.duplicateOf());
        }
    }

    private static final Duration WAIT_LIMIT = Duration.ofMinutes(30);

    private final IngestionService ingestion;
    private final CurrentCaller caller;

    IngestionController(IngestionService ingestion, CurrentCaller caller) {
        this.ingestion = ingestion;
        this.caller = caller;
    }

    @PostMapping("/api/ingestions")
    ResponseEntity<IngestionView> submit(@RequestParam(name = "file", required = false) MultipartFile file,
                                         @RequestParam(required = false) String kind,
                                         @RequestParam(defaultValue = "false") boolean wait,
                                         HttpServletRequest request) throws IOException {
        if (file == null) {
            throw new Invalid("api.file-part-required");
        }
        Caller who = caller.get();
        Ingestion accepted;
        try (InputStream in = file.getInputStream()) {
            accepted = ingestion.submit(who, in, file.getOriginalFilename(), IngestionService.kind(kind));
        }
        URI location = URI.create("/api/ingestions/" + accepted.id());
        if (wait) {
            Ingestion ended = accepted.ended() ? accepted : ingestion.awaitEnd(accepted.id(), WAIT_LIMIT);
            return ResponseEntity.ok().location(location).body(IngestionView.of(ended, ApiError.locale(request)));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(location).body(IngestionView.of(accepted, ApiError.locale(request)));
    }

    @GetMapping("/api/ingestions")
    List<IngestionView> recent(@RequestParam(defaultValue = "100") int limit, HttpServletRequest request) {
        return ingestion.recent(caller.get(), limit).stream().map(i -> IngestionView.of(i, ApiError.locale(request))).toList();
    }

    @GetMapping("/api/ingestions/{id}")
    IngestionView one(@PathVariable long id, HttpServletRequest request) {
        return IngestionView.of(ingestion.find(caller.get(), id), ApiError.locale(request));
    }

    @GetMapping("/api/ingestions/{id}/rejects.csv")
    void rejects(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller who = caller.get();
        Locale locale = ApiError.locale(request);
        String name = ingestion.rejectsFileName(who, id, locale);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
        ingestion.writeRejects(who, id, locale, response.getOutputStream());
    }

    @PostMapping("/api/ingestions/{id}/stop")
    IngestionView stop(@PathVariable long id, HttpServletRequest request) {
        return IngestionView.of(ingestion.stop(caller.get(), id), ApiError.locale(request));
    }

    @PostMapping("/api/ingestions/{id}/restart")
    ResponseEntity<IngestionView> restart(@PathVariable long id, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(IngestionView.of(ingestion.restart(caller.get(), id), ApiError.locale(request)));
    }
}
