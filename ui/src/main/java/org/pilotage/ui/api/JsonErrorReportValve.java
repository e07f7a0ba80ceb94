package org.pilotage.ui.api;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.pilotage.analytics.text.Sentence;
import org.pilotage.ui.web.ApiError;

/**
 * The container's own error page, for the errors it answers before any filter or servlet runs (a path
 * with an encoded slash, a malformed request line): under {@code /api/} one sentence in JSON like every
 * other API error; elsewhere a bare page without the server's name or a report.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    public JsonErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        String uri = request.getRequestURI();
        if (uri == null || !uri.startsWith("/api/")) {
            super.report(request, response, throwable);
            return;
        }
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        Sentence sentence = switch (status) {
            case 404 -> Sentence.of("api.not-found");
            case 413 -> UploadProblems.tooLarge();
            case 500 -> Sentence.of("api.internal");
            default -> Sentence.of("api.bad-request");
        };
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(ApiError.json(ApiError.say(request, sentence)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client has gone
        }
    }
}
