package vn.chotdon.order.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;
import vn.chotdon.order.Order;
import vn.chotdon.order.OrderStatus;
import vn.chotdon.order.PaymentMethod;

/** The shipping list of a session as CSV, one row per order, for the courier's booking sheet. */
@ApplicationScoped
public class ShippingExport {

    static final String HEADER = "code,name,phone,address,items,cod_amount_vnd,status";
    /** Excel opens UTF-8 CSV with Vietnamese text correctly only after a byte order mark. */
    static final String BOM = "\uFEFF";

    private final OrderQueries queries;

    ShippingExport(OrderQueries queries) {
        this.queries = queries;
    }

    /** @param cooperativeScope the caller's cooperative (null when not bound to one); another's session is 404 */
    public String csv(long sessionId, Long cooperativeScope) {
        List<Order> orders = queries.toShip(sessionId, cooperativeScope);
        StringBuilder csv = new StringBuilder(BOM).append(HEADER).append("\r\n");
        for (Order order : orders) {
            // The phone is the +84 number normalised from the buyer's input, digits only: a spreadsheet reads it
            // as a number at worst, and the courier's importer needs it without the neutralising apostrophe.
            csv.append(String.join(",", List.of(field(order.code), field(order.buyerName), order.buyerPhone,
                    field(order.fullAddress()), field(items(order)), Long.toString(cashToCollect(order)),
                    order.status.name()))).append("\r\n");
        }
        return csv.toString();
    }

    static String items(Order order) {
        return order.lines.stream().map(l -> l.code + " " + l.productName + " x" + l.quantity)
                .collect(Collectors.joining("; "));
    }

    /** What the courier collects: the total for cash on delivery not yet paid, otherwise nothing. */
    static long cashToCollect(Order order) {
        return order.paymentMethod == PaymentMethod.COD && order.paidAt == null
                && order.status != OrderStatus.DELIVERED ? order.totalVnd : 0;
    }

    /** RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs a buyer's text as a formula. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        String safe = value.isEmpty() || "=+-@".indexOf(value.charAt(0)) < 0 ? value : "'" + value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
