package org.pilotage.ui.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adminPassword the password of the first administrator, when no user exists and the demo profile is off
 *                      ({@code pilotage.admin-password}, {@code PILOTAGE_ADMIN_PASSWORD})
 */
@ConfigurationProperties(prefix = "pilotage")
public record FirstRunProperties(@DefaultValue("") String adminPassword) {
}
