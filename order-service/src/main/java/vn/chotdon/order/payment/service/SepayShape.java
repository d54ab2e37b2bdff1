package vn.chotdon.order.payment.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * SePay's webhook body: {@code id, gateway, transactionDate ("2023-03-25 14:02:37", Vietnam time),
 * accountNumber, subAccount, code, content, transferType ("in"/"out"), transferAmount, accumulated,
 * referenceCode, description}. The memo is {@code content}; {@code description} (the bank's whole
 * SMS-like line) is read when content is empty. SePay's own {@code code} (its payment-code
 * recognition) is not trusted: the memo is read by our rules.
 */
@ApplicationScoped
public class SepayShape implements NotificationShape {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Pattern TEXT_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    @Override
    public String provider() {
        return "sepay";
    }

    @Override
    public BankTransfer read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidNotification("the body must be SePay's JSON object");
        }
        JsonNode id = body.path("id");
        if (!(id.isIntegralNumber() || (id.isTextual() && TEXT_ID.matcher(id.asText()).matches()))) {
            throw new InvalidNotification("id: SePay's transaction id is required (a number, or up to 64 letters,"
                    + " digits and - _ . :)");
        }
        String type = body.path("transferType").asText("");
        if (!type.equals("in") && !type.equals("out")) {
            throw new InvalidNotification("transferType: must be \"in\" or \"out\"");
        }
        JsonNode amount = body.path("transferAmount");
        if (!amount.isIntegralNumber() || !amount.canConvertToLong() || amount.asLong() < 0) {
            throw new InvalidNotification("transferAmount: whole VND, not negative");
        }
        String memo = text(body, "content");
        if (memo == null) {
            memo = text(body, "description");
        }
        return new BankTransfer(provider(), id.asText(), type.equals("in"), amount.asLong(), memo == null ? "" : memo,
                text(body, "accountNumber"), text(body, "gateway"), text(body, "referenceCode"),
                time(text(body, "transactionDate")));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText() : null;
    }

    /** A date SePay writes in another form is kept as unknown: the payment matters more than its time. */
    private static Instant time(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text, LOCAL_TIME).atZone(VIETNAM).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
