package org.unionbot.crypto;

/** A callback failed verification or decryption; the request must be refused, never half-processed. */
public final class CallbackCryptoException extends Exception {
    public CallbackCryptoException(String message) {
        super(message);
    }

    public CallbackCryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
