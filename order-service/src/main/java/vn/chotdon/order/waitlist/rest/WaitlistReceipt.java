package vn.chotdon.order.waitlist.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to joining a waitlist. */
@Schema(name = "WaitlistReceipt")
public record WaitlistReceipt(
        @Schema(required = true) WaitlistEntryView entry,
        @Schema(required = true, nullable = true, description = "The buyer's access token, shown only in the 201 answer"
                + " (only its SHA-256 is kept): send it as X-Waitlist-Token to read or leave the entry, and as"
                + " X-Order-Token to open the order offered. Null in a 200 answer (the phone was already in line: its"
                + " first token stands)", example = "q3Jx0b2yR1c8m1o3v5L0l6kG7d2d9b8S2Zb4n1pW3eY") String accessToken) {
}
