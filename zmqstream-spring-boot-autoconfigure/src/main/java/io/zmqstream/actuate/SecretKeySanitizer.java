package io.zmqstream.actuate;

import java.util.Locale;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks secret keys, such as {@code zmq.streams.<name>.curve.secret-key}, in the {@code env} and
 * {@code configprops} endpoints even where their values are shown.
 */
public class SecretKeySanitizer implements SanitizingFunction {

    /** Creates the sanitizer. */
    public SecretKeySanitizer() {
    }

    @Override
    public SanitizableData apply(SanitizableData data) {
        String key = data.getKey().toLowerCase(Locale.ROOT).replace("-", "");
        return key.endsWith("secretkey") ? data.withSanitizedValue() : data;
    }
}
