package org.pilotage.ui.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.pilotage.ingestion.IngestionProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An API request larger than the upload limit answers 413 with its sentence in JSON: at once when it
 * announces its length, else when the multipart parser gives up (Spring MVC would leave that to the
 * container's HTML error page, since no controller is chosen yet).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class UploadLimitFilter extends OncePerRequestFilter {

    /** Room for the multipart envelope and a few small parts around the file. */
    private static final long ENVELOPE = 64 * 1024;

    private final long limit;

    UploadLimitFilter(IngestionProperties properties) {
        this.limit = properties.maxFileSize().toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit + ENVELOPE) {
            tooLarge(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!sizeExceeded(e) || response.isCommitted()) {
                throw e;
            }
            tooLarge(request, response);
        }
    }

    private static boolean sizeExceeded(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.equals("MaxUploadSizeExceededException") || name.equals("SizeLimitExceededException")
                    || name.equals("FileSizeLimitExceededException")) {
                return true;
            }
        }
        return false;
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long mb = limit / (1024 * 1024);
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Connection", "close");
        response.getWriter().write(ApiError.json(ApiError.pick(request,
                "Le fichier dépasse la taille maximale acceptée (" + mb + " Mo).",
                "The file is larger than the maximum accepted size (" + mb + " MB).")));
    }
}
