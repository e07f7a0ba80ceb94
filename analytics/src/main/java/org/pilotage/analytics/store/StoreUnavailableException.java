package org.pilotage.analytics.store;

/** The store cannot be opened or used; the message is one sentence naming the file and the cause. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreUnavailableException(String message) {
        super(message);
    }
}
