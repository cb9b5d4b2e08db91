package io.zmqstream.patterns;

import java.io.ByteArrayOutputStream;
import java.util.List;

/** The work the patterns' workers do, as the Guide's examples do: the request, answered with "re:" in front. */
public final class EchoWork {

    private static final byte[] PREFIX = { 'r', 'e', ':' };

    private EchoWork() {
    }

    /**
     * Answers a request.
     *
     * @param request the request's frames
     * @return one frame: "re:" and the request's frames, joined
     */
    public static byte[] answer(List<byte[]> request) {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        answer.writeBytes(PREFIX);
        request.forEach(answer::writeBytes);
        return answer.toByteArray();
    }
}
