package org.pilotage.ui.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The minimum a password must meet: 12 characters or more, letters and digits, not the user's name. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;

    private PasswordPolicy() {
    }

    /** i18n keys of the rules the password breaks; empty when it is acceptable. */
    public static List<String> problems(String username, String password) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            problems.add("password.too-short");
        }
        if (password == null || password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            problems.add("password.letters-digits");
        }
        if (password != null && username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            problems.add("password.username");
        }
        return problems;
    }
}
