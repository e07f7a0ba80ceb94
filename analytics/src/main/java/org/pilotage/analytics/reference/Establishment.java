package org.pilotage.analytics.reference;

import java.util.List;

/** An establishment (CISSS/CIUSSS) with the codes of its directions. */
public record Establishment(String code, String name, List<String> directions) {
}
