package vn.chotdon.order.comment;

/** Where a live comment was written: the streaming platforms livestream-service names (its StreamPlatform, less OTHER). */
public enum CommentPlatform {
    TIKTOK,
    FACEBOOK,
    ZALO,
    YOUTUBE,
    SHOPEE
}
