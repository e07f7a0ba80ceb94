package org.pilotage.ui.api;

import java.util.List;

import org.pilotage.analytics.reference.Establishment;
import org.pilotage.analytics.reference.ReferenceRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/establishments}: establishments with their directions. */
@RestController
class EstablishmentController {

    private final ReferenceRepository reference;
    private final org.pilotage.ui.security.EstablishmentScope scope;

    EstablishmentController(ReferenceRepository reference, org.pilotage.ui.security.EstablishmentScope scope) {
        this.reference = reference;
        this.scope = scope;
    }

    /** The establishments visible to the caller. */
    @GetMapping("/api/establishments")
    List<Establishment> establishments() {
        var mine = scope.current();
        return reference.establishments().stream().filter(e -> mine.allows(e.code())).toList();
    }
}
