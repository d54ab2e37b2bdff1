package vn.chotdon.platform.rest;

import jakarta.ws.rs.BadRequestException;

/**
 * A query, path or header parameter whose text is not of its type. A WebApplicationException,
 * so that RESTEasy Reactive passes it on as it is instead of turning it into the 404 the JAX-RS
 * specification asks for a query or path parameter that does not convert.
 */
public class InvalidParameterException extends BadRequestException {

    private final String parameter;
    private final String expectation;

    InvalidParameterException(String parameter, String where, String expectation) {
        super("The " + where + " parameter " + parameter + " " + expectation);
        this.parameter = parameter;
        this.expectation = expectation;
    }

    /** The parameter's name as the client sends it, e.g. {@code size}. */
    public String parameter() {
        return parameter;
    }

    /** What its value must be, e.g. "must be a whole number". */
    public String expectation() {
        return expectation;
    }
}
