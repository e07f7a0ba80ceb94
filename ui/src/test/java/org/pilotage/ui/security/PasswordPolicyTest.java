package org.pilotage.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void aPasswordHasTwelveCharactersLettersAndDigitsAndNotTheUserName() {
        assertThat(PasswordPolicy.problems("marie", "partenariat2026")).isEmpty();
        assertThat(PasswordPolicy.problems("marie", "court1")).containsExactly("password.too-short");
        assertThat(PasswordPolicy.problems("marie", "seulementdeslettres")).containsExactly("password.letters-digits");
        assertThat(PasswordPolicy.problems("marie", "Marie-2026-salle")).containsExactly("password.username");
        assertThat(PasswordPolicy.problems("marie", null)).contains("password.too-short", "password.letters-digits");
    }
}
