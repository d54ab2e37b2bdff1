package vn.chotdon.order.waitlist.service;

import vn.chotdon.order.waitlist.WaitlistEntry;

/**
 * An entry as the views show it: with its item's code and name, the order it was given, and its
 * place in line.
 *
 * @param position  WAITING entries of the item up to this one (1 is next); null once it left the line
 * @param orderCode the order it was given; null unless PROMOTED
 */
public record EntryInLine(WaitlistEntry entry, String itemCode, String productName, Long position, String orderCode) {
}
