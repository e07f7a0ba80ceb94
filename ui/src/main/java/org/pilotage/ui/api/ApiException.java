package org.pilotage.ui.api;

import org.springframework.http.HttpStatus;

/** An answer other than success, with its sentence in French and English. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String english;

    public ApiException(HttpStatus status, String french, String english) {
        super(french);
        this.status = status;
        this.english = english;
    }

    public HttpStatus status() {
        return status;
    }

    public String french() {
        return getMessage();
    }

    public String english() {
        return english;
    }

    public static ApiException badRequest(String french, String english) {
        return new ApiException(HttpStatus.BAD_REQUEST, french, english);
    }

    public static ApiException notFound(String french, String english) {
        return new ApiException(HttpStatus.NOT_FOUND, french, english);
    }
}
