package org.unionbot.adapter.web;

import org.springframework.http.HttpStatus;

/**
 * A request the web chat refuses, with the HTTP status and the Chinese sentence shown to the user.
 * {@link WebChatErrors} renders it as {@code {"error": "..."}}; no stack trace leaves the server.
 */
final class WebChatException extends RuntimeException {
    private final HttpStatus status;
    private final String allow;

    WebChatException(HttpStatus status, String userMessage) {
        this(status, userMessage, null);
    }

    private WebChatException(HttpStatus status, String userMessage, String allow) {
        super(userMessage, null, false, false);
        this.status = status;
        this.allow = allow;
    }

    /** 405 for {@code method}, naming the {@code allowed} one(s) in the message and the Allow header. */
    static WebChatException methodNotAllowed(String method, String allowed) {
        return new WebChatException(HttpStatus.METHOD_NOT_ALLOWED,
                WebTexts.get("request.method", method, allowed), allowed);
    }

    static WebChatException badRequest(String key, Object... args) {
        return new WebChatException(HttpStatus.BAD_REQUEST, WebTexts.get(key, args));
    }

    static WebChatException unauthorized(String key) {
        return new WebChatException(HttpStatus.UNAUTHORIZED, WebTexts.get(key));
    }

    HttpStatus status() {
        return status;
    }

    /** The Allow header of a 405, else null. */
    String allow() {
        return allow;
    }

    String userMessage() {
        return getMessage();
    }
}
