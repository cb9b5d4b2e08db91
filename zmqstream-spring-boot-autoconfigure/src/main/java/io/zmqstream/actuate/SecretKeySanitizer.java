package io.zmqstream.actuate;

import java.util.Locale;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks secrets in the {@code env} and {@code configprops} endpoints even where their values are
 * shown: secret keys such as {@code zmq.streams.<name>.curve.secret-key}, passwords such as
 * {@code zmq.streams.<name>.plain.password}, and a PLAIN server's users' passwords
 * ({@code zmq.streams.<name>.plain.users.<user>}).
 */
public class SecretKeySanitizer implements SanitizingFunction {

    /** Creates the sanitizer. */
    public SecretKeySanitizer() {
    }

    @Override
    public SanitizableData apply(SanitizableData data) {
        String key = data.getKey().toLowerCase(Locale.ROOT).replace("-", "");
        boolean secret = key.endsWith("secretkey") || key.endsWith("password") || key.contains(".plain.users.")
                || key.contains(".plain.users[");
        return secret ? data.withSanitizedValue() : data;
    }
}
