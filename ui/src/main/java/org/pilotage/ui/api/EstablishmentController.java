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

    EstablishmentController(ReferenceRepository reference) {
        this.reference = reference;
    }

    @GetMapping("/api/establishments")
    List<Establishment> establishments() {
        return reference.establishments();
    }
}
