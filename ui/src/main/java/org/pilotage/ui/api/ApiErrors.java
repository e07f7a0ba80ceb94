package org.pilotage.ui.api;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.pilotage.analytics.store.StoreErrors;
import org.pilotage.analytics.text.Invalid;
import org.pilotage.analytics.text.Refusal;
import org.pilotage.analytics.text.Sentence;
import org.pilotage.ui.web.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of the REST API as {@code {"error": "..."}} with a fitting status; never a stack trace or an
 * engine's text. It also answers errors raised before a controller is chosen (a multipart body that
 * cannot be parsed), which is why it applies to every handler.
 */
@RestControllerAdvice
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ApiError> refused(Refusal e, HttpServletRequest request) {
        if (e instanceof Invalid invalid) {
            return ResponseEntity.status(status(e.reason())).body(new ApiError(invalid.in(ApiError.locale(request))));
        }
        return answer(status(e.reason()), e.sentence(), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadableBody(HttpMessageNotReadableException e, HttpServletRequest request) {
        log.debug("Unreadable request body: {}", e.toString());
        return answer(HttpStatus.BAD_REQUEST, Sentence.of("api.body-json"), request);
    }

    @ExceptionHandler({MaxUploadSizeExceededException.class, MultipartException.class, HttpMediaTypeNotSupportedException.class})
    ResponseEntity<ApiError> multipart(Exception e, HttpServletRequest request) {
        if (e instanceof HttpMediaTypeNotSupportedException unsupported
                && unsupported.getSupportedMediaTypes().stream().anyMatch(MediaType.APPLICATION_JSON::isCompatibleWith)) {
            return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, Sentence.of("api.json-required"), request);
        }
        UploadProblems.Problem problem = UploadProblems.of(e);
        log.debug("Upload refused: {}", e.toString(), e);
        if (problem == null) {
            return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, Sentence.of("api.multipart-required"), request);
        }
        return answer(problem.status(), problem.sentence(), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, Sentence.of("api.parameter-required", e.getParameterName()), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, Sentence.of("api.parameter-format", e.getName()), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return answer(HttpStatus.METHOD_NOT_ALLOWED, Sentence.of("api.method-not-allowed", e.getMethod()), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> notFound(NoResourceFoundException e, HttpServletRequest request) {
        return answer(HttpStatus.NOT_FOUND, Sentence.of("api.not-found"), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
        if (StoreErrors.diskFull(e)) {
            log.warn("No disk space left for {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return answer(HttpStatus.INSUFFICIENT_STORAGE, Sentence.of("api.disk-full"), request);
        }
        UploadProblems.Problem upload = UploadProblems.of(e);
        if (upload != null) {
            return answer(upload.status(), upload.sentence(), request);
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, Sentence.of("api.internal"), request);
    }

    static HttpStatus status(Refusal.Reason reason) {
        return switch (reason) {
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case INSUFFICIENT_STORAGE -> HttpStatus.INSUFFICIENT_STORAGE;
        };
    }

    private static ResponseEntity<ApiError> answer(HttpStatus status, Sentence sentence, HttpServletRequest request) {
        Locale locale = ApiError.locale(request);
        return ResponseEntity.status(status).body(new ApiError(sentence.in(locale)));
    }
}
