package org.pilotage.analytics.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One versioned schema script, {@code V<version>__<description>.sql}. */
record Migration(int version, String description, String script, String checksum) {

    private static final Pattern NAME = Pattern.compile("V(\\d+)__(.+)\\.sql");

    static Migration of(String fileName, String script) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException("Migration file " + fileName + " is not named V<version>__<description>.sql");
        }
        // Line ends do not change a migration: a checkout with CRLF must not look like drift.
        String normalised = script.replace("\r\n", "\n");
        return new Migration(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), normalised, sha256(normalised));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
