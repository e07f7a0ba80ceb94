package org.pilotage.analytics.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pilotage.analytics.FeatureFixture.admin;
import static org.pilotage.analytics.FeatureFixture.caller;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotage.analytics.FeatureFixture;
import org.pilotage.analytics.access.Role;
import org.pilotage.analytics.text.Invalid;
import org.pilotage.analytics.text.Refusal;
import org.pilotage.analytics.text.Sentence;

/** The users feature without a browser: admins only, every problem of a form at once, nobody locks themselves out. */
class UserServiceTest {

    @TempDir
    Path dir;
    FeatureFixture fx;
    UserService users;

    @BeforeEach
    void start() {
        fx = new FeatureFixture(dir);
        users = fx.bean(UserService.class);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void anAdminCreatesChangesDisablesAndResetsAUserEachChangeAudited() {
        users.create(admin(), "marie.l", "Marie L.", EnumSet.of(Role.MANAGER), Set.of("E1"), "partenariat2026");
        users.update(admin(), "marie.l", "Marie L.", EnumSet.of(Role.MANAGER, Role.EXECUTIVE), Set.of("E1"));
        users.setEnabled(admin(), "marie.l", false);
        users.resetPassword(admin(), "marie.l", "nouvelle-clef-2027");
        Account marie = users.list(admin()).stream().filter(a -> a.username().equals("marie.l")).findFirst().orElseThrow();
        assertThat(marie.roles()).containsExactlyInAnyOrder(Role.MANAGER, Role.EXECUTIVE);
        assertThat(marie.establishments()).containsExactly("E1");
        assertThat(marie.enabled()).isFalse();
        assertThat(fx.audit()).containsExactly("admin password-reset user marie.l", "admin user-disabled user marie.l",
                "admin user-changed user marie.l", "admin user-created user marie.l");
    }

    @Test
    void whatSigningInReadsOfAUserFollowsEveryChangeAtOnce() {
        UserRepository repository = fx.bean(UserRepository.class);
        assertThat(repository.find("marie.l")).isEmpty(); // kept as unknown
        users.create(admin(), "marie.l", "Marie L.", EnumSet.of(Role.MANAGER), Set.of("E1"), "partenariat2026");
        UserRepository.Credentials first = repository.find("marie.l").orElseThrow();
        assertThat(repository.find("marie.l")).containsSame(first); // read once, then kept
        users.setEnabled(admin(), "marie.l", false);
        assertThat(repository.find("marie.l").orElseThrow().account().enabled()).isFalse();
        users.update(admin(), "marie.l", "Marie L.", EnumSet.of(Role.EXECUTIVE), Set.of("E2"));
        assertThat(repository.find("marie.l").orElseThrow().account().roles()).containsExactly(Role.EXECUTIVE);
        assertThat(repository.find("marie.l").orElseThrow().account().establishments()).containsExactly("E2");
        users.resetPassword(admin(), "marie.l", "nouvelle-clef-2027");
        assertThat(repository.find("marie.l").orElseThrow().passwordHash()).isNotEqualTo(first.passwordHash());
    }

    @Test
    void aFormIsRefusedWithEveryProblemAtOnce() {
        users.create(admin(), "marie.l", "Marie L.", EnumSet.of(Role.MANAGER), Set.of(), "partenariat2026");
        assertThatThrownBy(() -> users.create(admin(), "marie.l", "", EnumSet.noneOf(Role.class), Set.of(), "court"))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.problems()).extracting(Sentence::key)
                        .containsExactly("users.error.exists", "users.error.roles", "password.too-short", "password.letters-digits"));
        assertThatThrownBy(() -> users.create(admin(), "Marie L", "", EnumSet.of(Role.MANAGER), Set.of(), "partenariat2026"))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.sentence().key()).isEqualTo("users.error.username"));
    }

    @Test
    void onlyAdminsManageUsersAndNobodyDisablesThemselves() {
        assertThatThrownBy(() -> users.list(caller("gest", Role.MANAGER)))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.FORBIDDEN));
        users.createInitial("admin", "administrateur-2026", "Admin", EnumSet.of(Role.ADMIN));
        assertThatThrownBy(() -> users.setEnabled(admin(), "admin", false))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.sentence().key()).isEqualTo("users.error.self"));
        assertThatThrownBy(() -> users.resetPassword(admin(), "personne", "partenariat2026"))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.NOT_FOUND));
    }
}
