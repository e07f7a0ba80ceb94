package org.pilotage.ui.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.pilotage.analytics.store.StoreErrors;
import org.pilotage.analytics.text.Sentence;
import org.pilotage.ingestion.IngestionProperties;
import org.pilotage.ui.web.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's last line for errors no controller saw: a request larger than the upload limit answers 413
 * at once when it announces its length; an upload the container cannot parse (too large, too many parts,
 * headers too long, not multipart), a full disk, or anything else that escapes answers its status with
 * one sentence in JSON, instead of the container's error page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class UploadLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(UploadLimitFilter.class);
    /** Room for the multipart envelope and a few small parts around the file. */
    private static final long ENVELOPE = 64 * 1024;

    private final long limit;

    UploadLimitFilter(IngestionProperties properties) {
        this.limit = properties.maxFileSize().toBytes();
        UploadProblems.limit(limit);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit + ENVELOPE) {
            response.setHeader("Connection", "close");
            write(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, UploadProblems.tooLarge());
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            UploadProblems.Problem problem = UploadProblems.of(e);
            if (problem != null) {
                write(request, response, problem.status().value(), problem.sentence());
            } else if (StoreErrors.diskFull(e)) {
                write(request, response, 507, Sentence.of("api.disk-full"));
            } else {
                log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
                write(request, response, 500, Sentence.of("api.internal"));
            }
        }
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, int status, Sentence sentence) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(ApiError.json(ApiError.say(request, sentence)));
    }
}
