package org.unionbot.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Reads a platform callback body as UTF-8 (the platforms always send UTF-8, whatever the header says),
 * refusing more than {@link #MAX_BYTES}: at once when the declared length says so, otherwise as soon as
 * one byte too many arrives, so a client can never make the server buffer an unbounded body.
 */
public final class CallbackBody {
    public static final int MAX_BYTES = 64 * 1024;

    /** The body was over the limit; the adapter answers 413. */
    public static final class TooLarge extends Exception {
        TooLarge() {
            super("callback body over " + MAX_BYTES + " bytes", null, false, false);
        }
    }

    private CallbackBody() {
    }

    /** @param declaredLength the Content-Length, or -1 when the request declares none */
    public static String read(InputStream body, long declaredLength) throws IOException, TooLarge {
        if (declaredLength > MAX_BYTES) {
            throw new TooLarge();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(256, (int) Math.max(0, declaredLength)));
        byte[] buffer = new byte[8192];
        try (InputStream in = body) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > MAX_BYTES) {
                    throw new TooLarge();
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Reads the body and lets {@code handle} answer it; a body over the limit is answered
     * {@link CallbackAnswer#TOO_LARGE} and never reaches {@code handle}. The body is read before
     * {@code handle} runs, so a handler that reads the request's parameters only then can never have a
     * form-encoded body parsed as parameters.
     */
    public static CallbackAnswer answer(InputStream body, long declaredLength, Function<String, CallbackAnswer> handle)
            throws IOException {
        String read;
        try {
            read = read(body, declaredLength);
        } catch (TooLarge tooLarge) {
            return CallbackAnswer.refuse(CallbackAnswer.TOO_LARGE);
        }
        return handle.apply(read);
    }
}
