package org.pilotage.ui.api;

import org.pilotage.analytics.text.Refusal;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Any other address under /api answers 404 in JSON, instead of falling through to the Vaadin application. */
@RestController
class UnknownApiController {

    @RequestMapping("/api/**")
    void unknown() {
        throw new Refusal(Refusal.Reason.NOT_FOUND, "api.not-found");
    }
}
