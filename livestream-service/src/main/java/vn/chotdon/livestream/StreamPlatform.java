package vn.chotdon.livestream;

/** Where the live sale is streamed. */
public enum StreamPlatform {
    TIKTOK,
    FACEBOOK,
    ZALO,
    YOUTUBE,
    SHOPEE,
    OTHER
}
