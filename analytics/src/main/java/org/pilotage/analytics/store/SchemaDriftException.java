package org.pilotage.analytics.store;

/** An already applied migration was changed afterwards: the database and the code no longer agree. */
public class SchemaDriftException extends StoreUnavailableException {

    public SchemaDriftException(String message) {
        super(message);
    }
}
