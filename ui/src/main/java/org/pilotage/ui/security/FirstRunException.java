package org.pilotage.ui.security;

import org.pilotage.analytics.store.StoreUnavailableException;

/** Start-up refused because no user could exist afterwards; the message says what to set. */
class FirstRunException extends StoreUnavailableException {

    FirstRunException(String message) {
        super(message);
    }
}
