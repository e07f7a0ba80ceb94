package org.pilotage.ui.rooms;

import com.vaadin.flow.spring.security.AuthenticationContext;

/** Who may do what in the steering rooms (operational contract, roles). */
final class RoomAccess {

    private RoomAccess() {
    }

    /** The room a route names ({@code :id}), or null when there is none or it lies outside the user's establishments. */
    static org.pilotage.analytics.rooms.SteeringRoom room(com.vaadin.flow.router.BeforeEnterEvent event,
                                                          org.pilotage.analytics.rooms.SteeringRoomRepository rooms,
                                                          org.pilotage.ui.security.EstablishmentScope scope) {
        long id;
        try {
            id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
        } catch (NumberFormatException e) {
            return null;
        }
        var mine = scope.current();
        return rooms.find(id).filter(r -> mine.allows(r.establishment())).orElse(null);
    }

    static boolean mayView(AuthenticationContext auth) {
        return auth.hasAnyRole("MANAGER", "EXECUTIVE", "ADMIN");
    }

    /** Managers add comments and priority actions; admins may do all the others may. */
    static boolean mayComment(AuthenticationContext auth) {
        return auth.hasAnyRole("MANAGER", "ADMIN");
    }
}
