package org.unionbot.crypto;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * What a callback endpoint answers: an HTTP status and a body, plain text ({@code success}, an echostr) or a
 * passive-reply XML document. Shared by the Official Account and WeCom adapters, which answer alike.
 *
 * <p>{@link #writeTo} takes the response's setters as method references, so that this module stays free of
 * the servlet API while the exact way of writing lives in one place.
 */
public record CallbackAnswer(int status, String body) {
    /** Refuses a body over {@link CallbackBody#MAX_BYTES}; see {@link #closesConnection()}. */
    public static final int TOO_LARGE = 413;

    public CallbackAnswer {
        Objects.requireNonNull(body, "body");
    }

    public static CallbackAnswer ok(String body) {
        return new CallbackAnswer(200, body);
    }

    /** A refusal carries no body: a forged or malformed request learns nothing but the status. */
    public static CallbackAnswer refuse(int status) {
        return new CallbackAnswer(status, "");
    }

    /**
     * 413 is answered before the body was read to its end; the unread rest would be taken for the next
     * request on a kept-alive connection, so that connection must be closed.
     */
    public boolean closesConnection() {
        return status == TOO_LARGE;
    }

    /** XML for passive replies (they start with {@code <xml>}), plain text for everything else. */
    public String contentType() {
        return (body.startsWith("<xml>") ? "application/xml" : "text/plain") + ";charset=UTF-8";
    }

    /** The body as sent: UTF-8, nothing added. */
    public byte[] bytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** Opens the response body for writing; {@code HttpServletResponse::getOutputStream} fits. */
    @FunctionalInterface
    public interface Output {
        OutputStream open() throws IOException;
    }

    /**
     * Writes the answer through a response's setters, e.g. {@code answer.writeTo(response::setStatus,
     * response::setHeader, response::setContentType, response::setContentLength, response::getOutputStream)}.
     */
    public void writeTo(IntConsumer status, BiConsumer<String, String> header, Consumer<String> contentType,
                        IntConsumer contentLength, Output output) throws IOException {
        if (closesConnection()) {
            header.accept("Connection", "close");
        }
        status.accept(this.status);
        contentType.accept(contentType());
        byte[] bytes = bytes();
        contentLength.accept(bytes.length);
        // write, never println: the echostr must come back exactly, without a trailing newline, or the
        // platform's URL verification fails.
        output.open().write(bytes);
    }
}
