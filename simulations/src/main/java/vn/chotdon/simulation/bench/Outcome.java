package vn.chotdon.simulation.bench;

/** How one order attempt ended, as the targets tell them apart. */
enum Outcome {
    ACCEPTED("201 accepted"),
    SOLD_OUT("409 sold out"),
    OTHER_4XX("other 4xx"),
    SERVER_ERROR("5xx"),
    TRANSPORT_ERROR("transport error");

    final String label;

    Outcome(String label) {
        this.label = label;
    }

    static Outcome of(int status, String body) {
        if (status == 201) {
            return ACCEPTED;
        }
        if (status == 409 && body != null && body.contains("/problems/sold-out")) {
            return SOLD_OUT;
        }
        if (status >= 500) {
            return SERVER_ERROR;
        }
        return OTHER_4XX;
    }
}
