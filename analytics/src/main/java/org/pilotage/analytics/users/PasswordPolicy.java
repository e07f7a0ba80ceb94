package org.pilotage.analytics.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.pilotage.analytics.text.Sentence;

/** The minimum a password must meet: 12 characters or more, letters and digits, not the user's name. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;

    private PasswordPolicy() {
    }

    /** The rules the password breaks; empty when it is acceptable. */
    public static List<Sentence> problems(String username, String password) {
        List<Sentence> problems = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            problems.add(Sentence.of("password.too-short", MIN_LENGTH));
        }
        if (password == null || password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            problems.add(Sentence.of("password.letters-digits"));
        }
        if (password != null && username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            problems.add(Sentence.of("password.username"));
        }
        return problems;
    }
}
