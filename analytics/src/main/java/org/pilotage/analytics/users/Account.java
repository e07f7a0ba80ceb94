package org.pilotage.analytics.users;

import java.util.Set;

import org.pilotage.analytics.access.Role;

/**
 * A user of Pilotage.
 *
 * @param establishments the establishments the user is limited to; empty = every one
 */
public record Account(String username, String displayName, Set<Role> roles, Set<String> establishments, boolean enabled) {
}
