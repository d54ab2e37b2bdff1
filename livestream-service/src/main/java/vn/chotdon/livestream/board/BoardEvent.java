package vn.chotdon.livestream.board;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import java.lang.reflect.Type;

/**
 * One Server-Sent Event of the board's stream: a snapshot as JSON text, serialised once for every
 * follower, or a comment line (the heartbeat), which EventSource clients ignore.
 *
 * @param reconnectDelay milliseconds the client should wait before reconnecting, or -1 to leave it
 */
record BoardEvent(String comment, String data, long reconnectDelay) implements OutboundSseEvent {

    static BoardEvent snapshot(String json) {
        return new BoardEvent(null, json, -1);
    }

    /** The last event of a stream: a client that reconnects anyway waits that long. */
    static BoardEvent last(String json, long reconnectDelay) {
        return new BoardEvent(null, json, reconnectDelay);
    }

    static BoardEvent heartbeat() {
        return new BoardEvent("heartbeat", null, -1);
    }

    @Override
    public String getId() {
        return null;
    }

    @Override
    public String getName() {
        return null;
    }

    @Override
    public String getComment() {
        return comment;
    }

    @Override
    public long getReconnectDelay() {
        return reconnectDelay;
    }

    @Override
    public boolean isReconnectDelaySet() {
        return reconnectDelay >= 0;
    }

    @Override
    public Class<?> getType() {
        return String.class;
    }

    @Override
    public Type getGenericType() {
        return String.class;
    }

    /** Written as text: the data is JSON already, the SSE format has no media type per event. */
    @Override
    public MediaType getMediaType() {
        return MediaType.TEXT_PLAIN_TYPE;
    }

    @Override
    public Object getData() {
        return data;
    }
}
