package vn.chotdon.testing.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Sends a request byte for byte over HTTP/1.1, one connection each, so that what the fuzzer
 * generates reaches the server as generated: Java's HTTP clients refuse malformed URIs and
 * header values before sending them.
 */
final class RawHttp {

    private static final int TIMEOUT_MILLIS = 20_000;
    private static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final String host;
    private final int port;

    RawHttp(URI base) {
        this.host = base.getHost();
        this.port = base.getPort();
    }

    /** The answer's status, its Content-Type (or null) and the start of its body. */
    record Answer(int status, String contentType, String body) {

        /**
         * An empty 400, 414 or 431 without a Content-Type: Vert.x's HTTP codec refusing a request
         * line or headers it cannot parse (a broken percent escape, a URI over 4 KB), before any
         * handler of the application runs. Vert.x offers no hook there through Quarkus.
         */
        boolean isCodecRefusal() {
            return (status == 400 || status == 414 || status == 431) && contentType == null && body.isEmpty();
        }
    }

    Answer send(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes((method + " " + target + " HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nConnection: close\r\n").getBytes(StandardCharsets.ISO_8859_1));
            headers.forEach((name, value) -> request.writeBytes((name + ": " + value + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1)));
            if (body != null) {
                request.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            request.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                request.writeBytes(body);
            }
            try {
                OutputStream out = socket.getOutputStream();
                out.write(request.toByteArray());
                out.flush();
            } catch (IOException refusedMidway) {
                // The server may answer and close before reading a body it refuses (413): read that answer.
            }
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0 && received.size() < MAX_ANSWER_BYTES) {
            received.write(buffer, 0, n);
        }
        String text = received.toString(StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.") || headEnd < 0) {
            throw new IOException("no HTTP answer; received " + text.length() + " bytes: "
                    + text.substring(0, Math.min(200, text.length())));
        }
        String[] lines = text.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = null;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0 && lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT).equals("content-type")) {
                contentType = lines[i].substring(colon + 1).strip();
            }
        }
        String body = new String(received.toByteArray(), headEnd + 4, received.size() - headEnd - 4, StandardCharsets.UTF_8);
        return new Answer(status, contentType, body);
    }
}
