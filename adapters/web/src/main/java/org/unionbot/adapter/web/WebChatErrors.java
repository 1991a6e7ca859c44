package org.unionbot.adapter.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every refusal of the web chat's API as {@code {"error": "<Chinese sentence>"}} with a 4xx status: the
 * page shows the sentence in the chat. Nothing here echoes a stack trace or the parser's message (which
 * would quote the user's input); an unexpected failure is logged and answered with a short apology.
 *
 * <p>Limited to the web chat's controllers, so other modules keep their own error handling.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = {ChatController.class, InboxController.class, DemoPeopleController.class})
class WebChatErrors {
    private static final Logger LOG = LoggerFactory.getLogger(WebChatErrors.class);

    /** The error body. */
    record ErrorBody(String error) {}

    @ExceptionHandler(WebChatException.class)
    ResponseEntity<ErrorBody> refused(WebChatException e) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
        if (e.status() == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "UnionbotToken realm=\"web-chat\"");
        }
        if (e.allow() != null) {
            response.header(HttpHeaders.ALLOW, e.allow());
        }
        return json(response, e.userMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (tooLarge(e, request)) {
            return tooLarge();
        }
        boolean empty = e.getMessage() != null && e.getMessage().startsWith("Required request body is missing");
        return json(ResponseEntity.badRequest(), WebTexts.get(empty ? "request.empty" : "request.malformed"));
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<ErrorBody> bodyTooLarge() {
        return tooLarge();
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorBody> unsupportedMediaType() {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        response.header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
        return json(response, WebTexts.get("request.mediaType"));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
            ServletRequestBindingException.class})
    ResponseEntity<ErrorBody> badParameter() {
        return json(ResponseEntity.badRequest(), WebTexts.get("request.parameter"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception e, HttpServletRequest request) {
        if (tooLarge(e, request)) {
            return tooLarge();
        }
        if (e instanceof org.springframework.web.ErrorResponse spring && spring.getStatusCode().is4xxClientError()) {
            // Spring MVC's own refusals (406, a missing header...) keep their status.
            return json(ResponseEntity.status(spring.getStatusCode()), WebTexts.get("request.invalid"));
        }
        // The exception, never the request body, goes to the log.
        LOG.error("web chat request failed: {} {}", request.getMethod(), request.getRequestURI(), e);
        return json(ResponseEntity.internalServerError(), WebTexts.get("server.error"));
    }

    private static boolean tooLarge(Exception e, HttpServletRequest request) {
        return BodyTooLargeException.isCauseOf(e)
                || Boolean.TRUE.equals(request.getAttribute(ApiGuardFilter.TOO_LARGE_ATTRIBUTE));
    }

    private static ResponseEntity<ErrorBody> tooLarge() {
        return json(ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).header(HttpHeaders.CONNECTION, "close"),
                WebTexts.get("request.tooLarge", String.valueOf(ApiGuardFilter.MAX_BODY_BYTES / 1024)));
    }

    private static ResponseEntity<ErrorBody> json(ResponseEntity.BodyBuilder response, String message) {
        return response.contentType(MediaType.APPLICATION_JSON).body(new ErrorBody(message));
    }
}
