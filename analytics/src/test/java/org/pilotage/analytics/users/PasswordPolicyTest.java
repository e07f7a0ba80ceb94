package org.pilotage.analytics.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pilotage.analytics.text.Sentence;

class PasswordPolicyTest {

    @Test
    void aPasswordHasTwelveCharactersLettersAndDigitsAndNotTheUserName() {
        assertThat(PasswordPolicy.problems("marie", "partenariat2026")).isEmpty();
        assertThat(PasswordPolicy.problems("marie", "court1")).extracting(Sentence::key).containsExactly("password.too-short");
        assertThat(PasswordPolicy.problems("marie", "seulementdeslettres")).extracting(Sentence::key).containsExactly("password.letters-digits");
        assertThat(PasswordPolicy.problems("marie", "Marie-2026-salle")).extracting(Sentence::key).containsExactly("password.username");
        assertThat(PasswordPolicy.problems("marie", null)).extracting(Sentence::key).contains("password.too-short", "password.letters-digits");
    }
}
