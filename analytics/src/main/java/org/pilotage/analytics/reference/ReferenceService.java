package org.pilotage.analytics.reference;

import java.util.List;
import java.util.Optional;

import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.catalogue.CatalogueRepository;
import org.pilotage.analytics.catalogue.Indicator;

/**
 * What every screen picks from: the establishments a caller may see (another establishment does not
 * exist for them), their directions and projects, and the indicator catalogue, shared by all.
 */
public class ReferenceService {

    private final ReferenceRepository reference;
    private final CatalogueRepository catalogue;

    public ReferenceService(ReferenceRepository reference, CatalogueRepository catalogue) {
        this.reference = reference;
        this.catalogue = catalogue;
    }

    public List<Establishment> establishments(Caller caller) {
        return reference.establishments().stream().filter(e -> caller.allows(e.code())).toList();
    }

    public Optional<Establishment> establishment(Caller caller, String code) {
        return code == null ? Optional.empty() : establishments(caller).stream().filter(e -> e.code().equals(code)).findFirst();
    }

    /** The directions of an establishment the caller may see; none for another. */
    public List<String> directions(Caller caller, String establishment) {
        return establishment(caller, establishment).map(Establishment::directions).orElse(List.of());
    }

    public List<String> projects(Caller caller, String establishment) {
        return caller.allows(establishment) ? reference.projects(establishment) : List.of();
    }

    public List<Indicator> indicators() {
        return catalogue.findAll();
    }

    public Optional<Indicator> indicator(String code) {
        return catalogue.find(code);
    }
}
