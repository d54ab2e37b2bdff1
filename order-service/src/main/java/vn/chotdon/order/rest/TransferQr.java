package vn.chotdon.order.rest;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import vn.chotdon.platform.problem.Problem;

/** What the two QR endpoints (the buyer's and staff's) answer and how they document it. */
final class TransferQr {

    static final String PNG = "image/png";
    static final String DESCRIPTION = "The NAPAS VietQR code of a BANK_TRANSFER order: the cooperative's receiving"
            + " account, the order's total and the purpose `CHOTDON <code>`, which any Vietnamese banking app scans"
            + " to fill in the transfer. Black on white, error correction M, 4 modules of quiet zone.";
    static final String IMAGE = "The QR code, a PNG image";
    static final String NONE = "The order has no VietQR code: it is paid cash on delivery, or its cooperative had no"
            + " receiving account when it was placed (`paymentMethod` says which). `type`: " + Problem.TYPE_BASE
            + "no-transfer-details";

    private TransferQr() {
    }

    /** Private: the image names the cooperative's account, and the buyer's URL needs the order's token. */
    static Response answer(byte[] png) {
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setNoStore(true);
        return Response.ok(png, PNG).cacheControl(cache).build();
    }
}
