package vn.chotdon.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP link from the application to a server (MySQL, say) that a test can cut: it listens on a
 * free local port and forwards every connection to the server. {@link #cut()} closes every open
 * connection and refuses new ones, as when the server stops; {@link #restore()} accepts again on
 * the same port, as when it is back.
 */
public final class TcpLink implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MS = 1000;

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService pumps = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "tcp-link");
        thread.setDaemon(true);
        return thread;
    });
    private ServerSocket listener;

    private TcpLink(InetSocketAddress target) {
        this.target = target;
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        acceptOn(listener);
    }

    /** A link on a free port of 127.0.0.1 to this server, open. */
    public static TcpLink to(String host, int port) {
        return new TcpLink(new InetSocketAddress(host, port));
    }

    /** The local port the application connects to instead of the server's. */
    public int port() {
        return port;
    }

    /** Drops every open connection and refuses new ones until {@link #restore()}. */
    public synchronized void cut() {
        if (listener != null) {
            closeQuietly(listener);
            listener = null;
        }
        open.forEach(TcpLink::closeQuietly);
        open.clear();
    }

    /** Accepts connections again, on the same port. */
    public synchronized void restore() {
        if (listener == null) {
            listener = listen(port);
            acceptOn(listener);
        }
    }

    @Override
    public void close() {
        cut();
        pumps.shutdownNow();
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return socket;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on port " + port, e);
        }
    }

    private void acceptOn(ServerSocket socket) {
        pumps.execute(() -> {
            while (!socket.isClosed()) {
                try {
                    link(socket.accept());
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private void link(Socket client) {
        Socket server = new Socket();
        try {
            // Forwarded as it comes, as the two ends would send it: with Nagle's algorithm on the link's
            // sockets, a reply in several packets (several statements sent in one round trip) waited
            // for the other end's delayed ACK, 40 ms each time.
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            server.connect(target, CONNECT_TIMEOUT_MS);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(server);
            return;
        }
        synchronized (this) {
            if (listener == null) {
                // Cut while this connection was being made.
                closeQuietly(client);
                closeQuietly(server);
                return;
            }
            open.add(client);
            open.add(server);
        }
        pumps.execute(() -> pump(client, server));
        pumps.execute(() -> pump(server, client));
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0;) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // One side went away: the other goes too, as a dropped connection does.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing what is already gone
        }
    }
}
