package org.pilotage.ui.security;

import java.util.EnumSet;

import org.pilotage.analytics.access.Role;
import org.pilotage.analytics.text.Messages;
import org.pilotage.analytics.users.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Makes sure somebody can log in: in the {@code demo} profile one demo user per role (password
 * {@code demo}); otherwise, when no user exists, the first administrator {@code admin} with the
 * password given in {@code PILOTAGE_ADMIN_PASSWORD}. Without it start-up stops.
 */
@Component
class InitialUsers implements SmartInitializingSingleton {

    static final String DEMO_PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(InitialUsers.class);
    private final UserService users;
    private final Environment environment;
    private final String adminPassword;

    InitialUsers(UserService users, Environment environment, FirstRunProperties firstRun) {
        this.users = users;
        this.environment = environment;
        this.adminPassword = firstRun.adminPassword();
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            for (Role role : Role.values()) {
                users.createInitial(role.code(), DEMO_PASSWORD, Messages.get("demo.user." + role.code(), Messages.FRENCH), EnumSet.of(role));
            }
            return;
        }
        if (users.count() > 0) {
            return;
        }
        if (adminPassword == null || adminPassword.isBlank()) {
            throw new FirstRunException("No user exists yet and PILOTAGE_ADMIN_PASSWORD is not set: set it to the password of the first administrator (user admin), or start with the demo profile.");
        }
        if (adminPassword.length() < 8) {
            throw new FirstRunException("PILOTAGE_ADMIN_PASSWORD is shorter than 8 characters: choose a longer password for the first administrator.");
        }
        users.createInitial("admin", adminPassword, Messages.get("demo.user.first-admin", Messages.FRENCH), EnumSet.of(Role.ADMIN));
        log.info("First administrator 'admin' created from PILOTAGE_ADMIN_PASSWORD");
    }
}
