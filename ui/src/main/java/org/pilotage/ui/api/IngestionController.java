package org.pilotage.ui.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.pilotage.ingestion.IngestionService;
import org.pilotage.ingestion.kind.FileKind;
import org.pilotage.ingestion.log.Ingestion;
import org.pilotage.ingestion.report.RejectReport;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The ingestion endpoints of API.md, for stewards' scripts (role steward or admin). */
@RestController
class IngestionController {

    /** One ingestion as the API shows it; the stored file's path stays inside the service. */
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
    private final RejectReport rejectReport;

    private final org.pilotage.ui.security.AuditTrail audit;

    private final org.pilotage.ui.security.EstablishmentScope scope;

    IngestionController(IngestionService ingestion, RejectReport rejectReport, org.pilotage.ui.security.AuditTrail audit,
                        org.pilotage.ui.security.EstablishmentScope scope) {
        this.scope = scope;
        this.ingestion = ingestion;
        this.rejectReport = rejectReport;
        this.audit = audit;
    }

    @PostMapping("/api/ingestions")
    ResponseEntity<IngestionView> submit(@RequestParam(name = "file", required = false) MultipartFile file,
                                         @RequestParam(required = false) String kind,
                                         @RequestParam(defaultValue = "false") boolean wait,
                                         Authentication user, HttpServletRequest request) throws IOException {
        if (file == null) {
            throw ApiException.badRequest("La partie « file » du formulaire multipart est obligatoire.",
                    "The multipart part \"file\" is required.");
        }
        FileKind declared = null;
        if (kind != null && !kind.isBlank()) {
            declared = FileKind.ofCode(kind).orElseThrow(() -> ApiException.badRequest(
                    "Type de fichier inconnu : " + kind + " (indicator-measures, project-counts ou indicator-catalogue).",
                    "Unknown file kind: " + kind + " (indicator-measures, project-counts or indicator-catalogue)."));
        }
        Ingestion accepted;
        try (InputStream in = file.getInputStream()) {
            accepted = ingestion.submit(in, file.getOriginalFilename(), declared, user.getName(), scope.current().establishments());
        }
        audit.record("ingestion-launched", "ingestion " + accepted.id(), accepted.fileName() + " · " + accepted.status());
        URI location = URI.create("/api/ingestions/" + accepted.id());
        if (wait) {
            Ingestion ended = accepted.ended() ? accepted : ingestion.awaitEnd(accepted.id(), WAIT_LIMIT);
            return ResponseEntity.ok().location(location).body(IngestionView.of(ended, ApiError.locale(request)));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(location).body(IngestionView.of(accepted, ApiError.locale(request)));
    }

    @GetMapping("/api/ingestions")
    List<IngestionView> recent(@RequestParam(defaultValue = "100") int limit, HttpServletRequest request) {
        if (limit < 1 || limit > 1000) {
            throw ApiException.badRequest("Le paramètre limit doit être entre 1 et 1000.", "The parameter limit must be between 1 and 1000.");
        }
        return ingestion.recent(limit).stream().filter(this::visible).map(i -> IngestionView.of(i, ApiError.locale(request))).toList();
    }

    @GetMapping("/api/ingestions/{id}")
    IngestionView one(@PathVariable long id, HttpServletRequest request) {
        return IngestionView.of(find(id), ApiError.locale(request));
    }

    @GetMapping("/api/ingestions/{id}/rejects.csv")
    void rejects(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Ingestion i = find(id);
        Locale locale = ApiError.locale(request);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
                .filename(rejectReport.fileName(i, locale), java.nio.charset.StandardCharsets.UTF_8).build().toString());
        rejectReport.write(i, locale, response.getOutputStream());
    }

    @PostMapping("/api/ingestions/{id}/stop")
    IngestionView stop(@PathVariable long id, HttpServletRequest request) {
        find(id);
        Ingestion stopped = ingestion.stop(id);
        audit.record("ingestion-stopped", "ingestion " + id, stopped.fileName());
        return IngestionView.of(stopped, ApiError.locale(request));
    }

    @PostMapping("/api/ingestions/{id}/restart")
    ResponseEntity<IngestionView> restart(@PathVariable long id, HttpServletRequest request) {
        find(id);
        Ingestion restarted = ingestion.restart(id);
        audit.record("ingestion-restarted", "ingestion " + id, restarted.fileName());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(IngestionView.of(restarted, ApiError.locale(request)));
    }

    /** A steward limited to some establishments sees the ingestions they launched; the others see all. */
    private boolean visible(Ingestion i) {
        var mine = scope.current();
        if (mine.all()) {
            return true;
        }
        var principal = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes s ? s.getRequest().getUserPrincipal() : null;
        return principal != null && principal.getName().equals(i.startedBy());
    }

    private Ingestion find(long id) {
        return ingestion.find(id).filter(this::visible).orElseThrow(() -> ApiException.notFound("Aucune ingestion n° " + id + ".", "No ingestion " + id + "."));
    }

}
