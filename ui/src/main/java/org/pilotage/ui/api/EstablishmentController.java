package org.pilotage.ui.api;

import java.util.List;

import org.pilotage.analytics.reference.Establishment;
import org.pilotage.analytics.reference.ReferenceService;
import org.pilotage.ui.security.CurrentCaller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/establishments}: the establishments visible to the caller, with their directions. */
@RestController
class EstablishmentController {

    private final ReferenceService reference;
    private final CurrentCaller caller;

    EstablishmentController(ReferenceService reference, CurrentCaller caller) {
        this.reference = reference;
        this.caller = caller;
    }

    @GetMapping("/api/establishments")
    List<Establishment> establishments() {
        return reference.establishments(caller.get());
    }
}
