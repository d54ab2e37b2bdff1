package vn.chotdon.deployment;

import java.util.regex.Pattern;

/** Names of settings whose values are secrets: they must come from a Secret or the env file, never be written. */
final class SecretNames {

    private static final Pattern SECRET = Pattern.compile(
            "(?i).*(PASSWORD|PASSWD|SECRET|JAAS|CREDENTIALS|PRIVATE).*|.*(TOKEN|KEY|PASS)$");

    private SecretNames() {
    }

    static boolean isSecret(String name) {
        return SECRET.matcher(name).matches();
    }

    /** A value that is a secret whatever its name: a PEM private key. */
    static boolean looksSecret(String value) {
        return value.contains("PRIVATE KEY-----");
    }
}
