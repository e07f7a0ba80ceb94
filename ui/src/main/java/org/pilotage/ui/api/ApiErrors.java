package org.pilotage.ui.api;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every error of the REST API as {@code {"error": "..."}} with a fitting status; never a stack trace. */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e, HttpServletRequest request) {
        return ResponseEntity.status(e.status()).body(new ApiError(ApiError.pick(request, e.french(), e.english())));
    }

    @ExceptionHandler(org.pilotage.ingestion.IngestionRefusedException.class)
    ResponseEntity<ApiError> refused(org.pilotage.ingestion.IngestionRefusedException e, HttpServletRequest request) {
        return api(IngestionController.toApi(e), request);
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(Exception e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(new ApiError(ApiError.pick(request,
                "Le fichier dépasse la taille maximale acceptée.", "The file is larger than the maximum accepted size.")));
    }

    @ExceptionHandler({org.springframework.web.multipart.MultipartException.class,
            org.springframework.web.HttpMediaTypeNotSupportedException.class})
    ResponseEntity<ApiError> notMultipart(Exception e, HttpServletRequest request) {
        if (e.getCause() instanceof IllegalStateException || String.valueOf(e.getMessage()).contains("size")) {
            return tooLarge(e, request);
        }
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(new ApiError(ApiError.pick(request,
                "Envoyez le fichier en multipart/form-data, dans une partie nommée « file ».",
                "Send the file as multipart/form-data, in a part named \"file\".")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return ResponseEntity.badRequest().body(new ApiError(ApiError.pick(request,
                "Le paramètre " + e.getParameterName() + " est obligatoire.",
                "The parameter " + e.getParameterName() + " is required.")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return ResponseEntity.badRequest().body(new ApiError(ApiError.pick(request,
                "Le paramètre " + e.getName() + " n'a pas le bon format.",
                "The parameter " + e.getName() + " is not in the expected format.")));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).body(new ApiError(ApiError.pick(request,
                "La méthode " + e.getMethod() + " n'est pas permise ici.", "The method " + e.getMethod() + " is not allowed here.")));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> notFound(NoResourceFoundException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ApiError(ApiError.pick(request,
                "Cette adresse n'existe pas dans l'API.", "This address does not exist in the API.")));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.internalServerError().body(new ApiError(ApiError.pick(request,
                "Une erreur interne est survenue ; elle a été consignée dans le journal du service.",
                "An internal error occurred; it was written to the service log.")));
    }
}
