package io.zmqstream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * Java serialization for {@link ZMQStream#sendObject(Serializable)}, the JVM's analogue of pickle,
 * and its safe way back.
 *
 * <p>Deserializing bytes from the network runs code chosen by the sender unless the classes are
 * restricted. {@link #deserialize(byte[], ObjectInputFilter)} therefore requires an allow-list
 * and rejects every class the allow-list does not explicitly accept (arrays excepted: they run no
 * code, and each element is checked in turn).
 */
public final class JavaSerialization {

    private JavaSerialization() {
    }

    /**
     * Serializes an object.
     *
     * @param value the object
     * @return its Java serialization bytes
     * @throws UncheckedIOException when the object graph cannot be serialized
     */
    public static byte[] serialize(Serializable value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot serialize " + value.getClass().getName(), ex);
        }
        return bytes.toByteArray();
    }

    /**
     * Builds an allow-list from {@link ObjectInputFilter.Config#createFilter(String)} patterns,
     * for example {@code "com.example.events.*;java.lang.Number;java.lang.Integer"}.
     *
     * @param patterns the accepted classes and packages, separated by {@code ;}
     * @return a filter that accepts those classes; {@link #deserialize} rejects all others
     */
    public static ObjectInputFilter allowList(String patterns) {
        return ObjectInputFilter.Config.createFilter(patterns);
    }

    /**
     * Deserializes bytes, accepting only the classes the allow-list accepts.
     *
     * @param data Java serialization bytes
     * @param allowList the classes to accept; any class it leaves undecided is rejected
     * @return the object
     * @throws InvalidClassException when there is no allow-list, or the data holds a class it does not accept
     * @throws IOException when the data is not valid Java serialization
     * @throws ClassNotFoundException when a class of the data is not on the classpath
     */
    public static Object deserialize(byte[] data, ObjectInputFilter allowList)
            throws IOException, ClassNotFoundException {
        if (allowList == null) {
            throw new InvalidClassException("Java deserialization refused: no allow-list (ObjectInputFilter) given");
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
            in.setObjectInputFilter(info -> rejectUndecidedClasses(allowList, info));
            return in.readObject();
        }
    }

    private static ObjectInputFilter.Status rejectUndecidedClasses(ObjectInputFilter allowList,
            ObjectInputFilter.FilterInfo info) {
        ObjectInputFilter.Status status = allowList.checkInput(info);
        // An array runs no code of its own, and each element is checked as it is read.
        if (status == ObjectInputFilter.Status.UNDECIDED && info.serialClass() != null
                && !info.serialClass().isArray()) {
            return ObjectInputFilter.Status.REJECTED;
        }
        return status;
    }
}
