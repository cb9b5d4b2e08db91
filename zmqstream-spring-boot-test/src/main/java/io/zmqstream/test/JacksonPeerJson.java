package io.zmqstream.test;

import java.lang.reflect.Type;

import tools.jackson.databind.json.JsonMapper;

/** {@link PeerJson} on Jackson 3's shared mapper; loaded only once Jackson is known to be there. */
final class JacksonPeerJson implements PeerJson {

    static final JacksonPeerJson SHARED = new JacksonPeerJson();

    private JacksonPeerJson() {
    }

    @Override
    public byte[] encode(Object value) {
        return JsonMapper.shared().writeValueAsBytes(value);
    }

    @Override
    public Object decode(byte[] json, Type type) {
        JsonMapper mapper = JsonMapper.shared();
        return mapper.readValue(json, mapper.constructType(type));
    }
}
