package org.pilotage.ui.api;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Any other address under /api answers 404 in JSON, instead of falling through to the Vaadin application. */
@RestController
class UnknownApiController {

    @RequestMapping("/api/**")
    void unknown() {
        throw ApiException.notFound("Cette adresse n'existe pas dans l'API.", "This address does not exist in the API.");
    }
}
