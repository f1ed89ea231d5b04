package dev.zebrastream.broker;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The users (name to password) of the embedded broker's optional SASL_PLAINTEXT listener, which uses the
 * PLAIN mechanism: enough to try a SASL client configuration locally, and for the tests that prove the
 * {@code --client-properties} pass-through. Passwords travel in clear text over loopback only.
 */
public record SaslPlainUsers(Map<String, String> passwords) {

    /** The name becomes part of a JAAS option ({@code user_<name>}), so it stays a plain word. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    public SaslPlainUsers {
        passwords = Map.copyOf(new TreeMap<>(passwords));
        if (passwords.isEmpty()) {
            throw new IllegalArgumentException("a SASL listener needs at least one user");
        }
        passwords.keySet().stream().filter(name -> !NAME.matcher(name).matches()).findFirst().ifPresent(name -> {
            throw new IllegalArgumentException("SASL user name '" + name + "' must match " + NAME);
        });
    }

    /** The broker-side JAAS configuration: PlainLoginModule with one {@code user_<name>="<password>"} per user. */
    String jaasConfig() {
        StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
        new TreeMap<>(passwords).forEach((name, password) -> jaas.append(" user_").append(name).append("=\"")
                .append(password.replace("\\", "\\\\").replace("\"", "\\\"")).append('"'));
        return jaas.append(';').toString();
    }
}
