package org.pilotage.ui.rooms;

import com.vaadin.flow.spring.security.AuthenticationContext;

/** Who may do what in the steering rooms (operational contract, roles). */
final class RoomAccess {

    private RoomAccess() {
    }

    static boolean mayView(AuthenticationContext auth) {
        return auth.hasAnyRole("MANAGER", "EXECUTIVE", "ADMIN");
    }

    /** Managers add comments and priority actions; admins may do all the others may. */
    static boolean mayComment(AuthenticationContext auth) {
        return auth.hasAnyRole("MANAGER", "ADMIN");
    }
}
