package vn.chotdon.e2e;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import vn.chotdon.testing.contract.ApiContract;

/**
 * The HTTP client the generated API clients send through in these tests: every answer is checked
 * against the OpenAPI document of the service that gave it (as test-support's REST Assured filter
 * does for the other tests), before the generated code reads it. A typed client alone would not
 * notice an answer that breaks the document, since it ignores fields it does not know.
 */
final class ContractCheckedHttpClient extends HttpClient {

    private final HttpClient http;
    private final String origin;

    ContractCheckedHttpClient(String origin, Duration connectTimeout) {
        this.origin = origin;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).version(Version.HTTP_1_1).build();
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        ApiContract.of(origin).check(request.method(), request.uri().getRawPath(), answer.statusCode(),
                answer.headers().map(), new String(answer.body(), StandardCharsets.UTF_8));
        return new Checked<>(answer, read(answer, handler));
    }

    /** The bytes already received, given to the caller's body handler as if they had just arrived. */
    private static <T> T read(HttpResponse<byte[]> answer, HttpResponse.BodyHandler<T> handler) {
        HttpResponse.BodySubscriber<T> subscriber = handler.apply(new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return answer.statusCode();
            }

            @Override
            public HttpHeaders headers() {
                return answer.headers();
            }

            @Override
            public Version version() {
                return answer.version();
            }
        });
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                // Everything is delivered at once below.
            }

            @Override
            public void cancel() {
                // Nothing is left to stop.
            }
        });
        subscriber.onNext(List.of(ByteBuffer.wrap(answer.body())));
        subscriber.onComplete();
        return subscriber.getBody().toCompletableFuture().join();
    }

    /** Only the generated clients' synchronous calls are checked; these tests use no other. */
    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        throw new UnsupportedOperationException("asynchronous calls are not checked against the contract");
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        throw new UnsupportedOperationException("asynchronous calls are not checked against the contract");
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return http.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return http.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return http.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return http.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return http.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return http.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return http.authenticator();
    }

    @Override
    public Version version() {
        return http.version();
    }

    @Override
    public Optional<Executor> executor() {
        return http.executor();
    }

    /** The answer as received, with the body the caller's handler made of it. */
    private record Checked<T>(HttpResponse<byte[]> answer, T body) implements HttpResponse<T> {

        @Override
        public int statusCode() {
            return answer.statusCode();
        }

        @Override
        public HttpRequest request() {
            return answer.request();
        }

        @Override
        public Optional<HttpResponse<T>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return answer.headers();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return answer.sslSession();
        }

        @Override
        public URI uri() {
            return answer.uri();
        }

        @Override
        public Version version() {
            return answer.version();
        }
    }
}
