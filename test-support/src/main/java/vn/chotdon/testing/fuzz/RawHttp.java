package vn.chotdon.testing.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * The answer's status, its Content-Type (or null), its headers (names in lower case) and the
     * start of its body, de-chunked.
     */
    record Answer(int status, String contentType, Map<String, List<String>> headers, String body) {

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
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        name -> new ArrayList<>()).add(lines[i].substring(colon + 1).strip());
            }
        }
        byte[] all = received.toByteArray();
        byte[] body = Arrays.copyOfRange(all, headEnd + 4, all.length);
        if (headers.getOrDefault("transfer-encoding", List.of()).stream().anyMatch(v -> v.equalsIgnoreCase("chunked"))) {
            body = dechunk(body);
        }
        String contentType = headers.containsKey("content-type") ? headers.get("content-type").get(0) : null;
        return new Answer(status, contentType, headers, new String(body, StandardCharsets.UTF_8));
    }

    /** The body of a chunked answer, as far as it was read. */
    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOfCrLf(chunked, at);
            if (lineEnd < 0) {
                break;
            }
            String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int size;
            try {
                size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
            } catch (NumberFormatException e) {
                break;
            }
            at = lineEnd + 2;
            if (size == 0) {
                break;
            }
            int length = Math.min(size, chunked.length - at);
            body.write(chunked, at, length);
            at += length + 2;
        }
        return body.toByteArray();
    }

    private static int indexOfCrLf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
