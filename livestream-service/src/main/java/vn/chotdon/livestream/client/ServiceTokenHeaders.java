package vn.chotdon.livestream.client;

import io.quarkus.rest.client.reactive.ReactiveClientHeadersFactory;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Puts the service token on every call to catalog-service and order-service. Reactive, so that
 * fetching a token from an OIDC provider never blocks an I/O thread. Nothing of the incoming
 * request is passed on: the caller's own token never reaches another service.
 */
@ApplicationScoped
public class ServiceTokenHeaders extends ReactiveClientHeadersFactory {

    private final ServiceToken serviceToken;

    ServiceTokenHeaders(ServiceToken serviceToken) {
        this.serviceToken = serviceToken;
    }

    @Override
    public Uni<MultivaluedMap<String, String>> getHeaders(MultivaluedMap<String, String> incomingHeaders,
            MultivaluedMap<String, String> clientOutgoingHeaders) {
        return serviceToken.token().map(token -> {
            MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
            headers.putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            return headers;
        });
    }
}
