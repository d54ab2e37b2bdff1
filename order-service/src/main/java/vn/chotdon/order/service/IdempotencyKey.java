package vn.chotdon.order.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An Idempotency-Key as the database may know it. The raw key lives only in the request: rows
 * hold {@link #id()}, a SHA-256 over a label and the key, and the stored answer (a receipt with
 * the buyer's access token, name, phone and address) is sealed with AES-256-GCM under a second,
 * separately labelled SHA-256 of the key. Someone who reads the database can therefore neither
 * replay the answer nor act as the buyer; only a client that still has the raw key gets it back.
 */
public final class IdempotencyKey {

    /** Also in changeset order-003, which hashes the keys of orders placed before it the same way. */
    private static final String ID_LABEL = "chotdon/order/idempotency-key/id:";
    private static final String SEAL_LABEL = "chotdon/order/idempotency-key/seal:";
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id;
    private final SecretKeySpec sealKey;

    private IdempotencyKey(String raw) {
        this.id = OrderCodes.sha256(ID_LABEL + raw);
        this.sealKey = new SecretKeySpec(Sha256.of(SEAL_LABEL + raw), "AES");
    }

    public static IdempotencyKey of(String raw) {
        return new IdempotencyKey(raw);
    }

    /** 64 hex characters: what idempotency_key.idem_key and orders.idempotency_key hold. */
    public String id() {
        return id;
    }

    /**
     * A fresh random nonce followed by the ciphertext and its tag. The row's id and the answer's
     * status are authenticated with it, so a sealed answer cannot be moved to another row or
     * replayed under another status.
     */
    public byte[] seal(int status, String body) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, status);
            byte[] sealed = cipher.doFinal(body.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** The body sealed by {@link #seal} with this same key, byte for byte. */
    public String open(int status, byte[] sealed) {
        if (sealed == null || sealed.length <= NONCE_BYTES) {
            throw new IllegalStateException("the stored answer of an Idempotency-Key is missing or cut short");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, NONCE_BYTES), status);
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored answer of an Idempotency-Key does not open with that key", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, int status) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(CIPHER);
        cipher.init(mode, sealKey, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((id + "/" + status).getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    /** Never the raw key: this object may end up in a log line or an exception message. */
    @Override
    public String toString() {
        return "IdempotencyKey[" + id + "]";
    }
}
