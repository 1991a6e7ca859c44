package org.unionbot.adapter.wechat;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionbot.core.member.BindingService;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.message.Platform;

/**
 * 网页授权 end to end: a page link in the Official Account (menu, message) opens
 * {@code GET /oauth/wechat-mp/{appId}?next=poll:7} (or {@code next=chat}, {@code next=suggestion}); we
 * send the browser to WeChat's authorize page with a signed {@code state} ({@link MpOAuthTokens}) and a
 * browser nonce cookie; WeChat comes back to {@code …/callback?code=…&state=…}; the code is exchanged
 * for the openid ({@link MpWebAuthorization}, WxJava), and then:
 * <ul>
 *   <li>a bound openid goes straight (302) to the member's own signed page ({@link MpMemberPages});</li>
 *   <li>an unbound one gets a binding form (binding code, or staff number + phone tail — the same
 *       {@link BindingService} as the chat's 绑定 command, with its attempt limit), and on success continues
 *       to the page. The openid travels to the form's POST only inside a signed ticket.</li>
 * </ul>
 * A forged, replayed-in-another-browser or expired state, an unknown or used code, and a failing WeChat all
 * end on a short Chinese page with the right status; nothing is bound or revealed on those paths.
 */
@RestController
public final class MpOAuthController {
    static final String NONCE_COOKIE = "unionbot_wxoauth";
    private static final String BASE = "/oauth/wechat-mp/";
    private static final Pattern NEXT = Pattern.compile("[a-z]{1,16}(:[0-9]{1,12})?");
    private static final int MAX_FIELD = 64;

    private final WechatMpSettings settings;
    private final MpWebAuthorization authorization;
    private final MemberRepository members;
    private final BindingService binding;
    private final MpMemberPages pages;
    private final MpOAuthTokens tokens;

    /** {@code pages} or {@code binding} null: 网页授权 is not available and every endpoint says so. */
    public MpOAuthController(WechatMpSettings settings, MpWebAuthorization authorization, MemberRepository members,
                             BindingService binding, MpMemberPages pages, Clock clock) {
        this.settings = settings;
        this.authorization = authorization;
        this.members = members;
        this.binding = binding;
        this.pages = pages;
        this.tokens = pages == null ? null : new MpOAuthTokens(pages.signingSecret(), clock);
    }

    @GetMapping(BASE + "{appId}")
    public ResponseEntity<String> start(@PathVariable String appId, @RequestParam(required = false) String next) {
        if (pages == null || binding == null) {
            return page(HttpStatus.NOT_FOUND, "oauth.disabled");
        }
        if (settings.account(appId).isEmpty()) {
            return page(HttpStatus.NOT_FOUND, "oauth.unknownAccount");
        }
        if (next == null || !NEXT.matcher(next).matches() || !pages.knows(next)) {
            return page(HttpStatus.BAD_REQUEST, "oauth.badNext");
        }
        String nonce = MpOAuthTokens.newBrowserNonce();
        URI redirect = URI.create(base() + BASE + appId + "/callback");
        URI authorize = authorization.authorizeUrl(appId, redirect, tokens.state(appId, next, nonce));
        return ResponseEntity.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, authorize.toString())
                .header(HttpHeaders.SET_COOKIE, nonceCookie(nonce, MpOAuthTokens.STATE_LIFETIME.toSeconds()).toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @GetMapping(BASE + "{appId}/callback")
    public ResponseEntity<String> callback(@PathVariable String appId, @RequestParam(required = false) String code,
                                           @RequestParam(required = false) String state,
                                           @CookieValue(name = NONCE_COOKIE, required = false) String nonce) {
        if (pages == null || binding == null) {
            return page(HttpStatus.NOT_FOUND, "oauth.disabled");
        }
        if (settings.account(appId).isEmpty()) {
            return page(HttpStatus.NOT_FOUND, "oauth.unknownAccount");
        }
        MpOAuthTokens.Checked checked = tokens.checkState(appId, state, nonce);
        if (checked.status() == MpOAuthTokens.Status.EXPIRED) {
            return page(HttpStatus.FORBIDDEN, "oauth.expired");
        }
        if (!checked.valid()) {
            return page(HttpStatus.FORBIDDEN, "oauth.forged");
        }
        String next = checked.fields()[0];
        if (code == null || code.isBlank()) {
            return page(HttpStatus.BAD_REQUEST, "oauth.badCode");
        }
        String openId;
        try {
            openId = authorization.openIdForCode(appId, code);
        } catch (MpApiException e) {
            return e.transientFailure() ? page(HttpStatus.BAD_GATEWAY, "oauth.unreachable") : page(HttpStatus.BAD_REQUEST, "oauth.badCode");
        }
        Optional<Member> member = members.findByIdentity(Platform.WECHAT_MP, openId);
        if (member.isPresent()) {
            return continueTo(member.get(), next, HttpStatus.FOUND);
        }
        return bindingForm(HttpStatus.OK, appId, tokens.ticket(appId, openId, next), null);
    }

    @PostMapping(BASE + "{appId}/bind")
    public ResponseEntity<String> bind(@PathVariable String appId, @RequestParam(required = false) String ticket,
                                       @RequestParam(required = false) String code,
                                       @RequestParam(required = false) String staffNo,
                                       @RequestParam(required = false) String phoneTail) {
        if (pages == null || binding == null) {
            return page(HttpStatus.NOT_FOUND, "oauth.disabled");
        }
        MpOAuthTokens.Checked checked = tokens.checkTicket(appId, ticket);
        if (checked.status() == MpOAuthTokens.Status.EXPIRED) {
            return page(HttpStatus.FORBIDDEN, "oauth.expired");
        }
        if (!checked.valid() || settings.account(appId).isEmpty()) {
            return page(HttpStatus.FORBIDDEN, "oauth.forged");
        }
        String openId = checked.fields()[0];
        String next = checked.fields()[1];
        BindingService.Result result;
        if (filled(code)) {
            result = binding.bindByCode(Platform.WECHAT_MP, openId, code.strip().toUpperCase(java.util.Locale.ROOT));
        } else if (filled(staffNo) && filled(phoneTail)) {
            result = binding.bindByStaffNumber(Platform.WECHAT_MP, openId, staffNo, phoneTail);
        } else {
            return bindingForm(HttpStatus.BAD_REQUEST, appId, ticket, "oauth.bind.missing");
        }
        if (result instanceof BindingService.Result.Bound bound) {
            return continueTo(bound.member(), next, HttpStatus.SEE_OTHER);
        }
        if (result instanceof BindingService.Result.AlreadyBound already) {
            return continueTo(already.member(), next, HttpStatus.SEE_OTHER);
        }
        if (result instanceof BindingService.Result.TooManyAttempts) {
            return bindingForm(HttpStatus.TOO_MANY_REQUESTS, appId, ticket, "oauth.bind.tooMany");
        }
        if (result instanceof BindingService.Result.AccountTaken) {
            return page(HttpStatus.CONFLICT, "oauth.bind.taken");
        }
        return bindingForm(HttpStatus.BAD_REQUEST, appId, ticket, "oauth.bind.rejected");
    }

    private ResponseEntity<String> continueTo(Member member, String next, HttpStatus status) {
        Optional<String> target = pages.pageFor(member.id(), next);
        if (target.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, "oauth.noPage");
        }
        return ResponseEntity.status(status)
                .header(HttpHeaders.LOCATION, target.get())
                .header(HttpHeaders.SET_COOKIE, nonceCookie("", 0).toString()) // the nonce is single-use
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    private ResponseCookie nonceCookie(String value, long maxAgeSeconds) {
        return ResponseCookie.from(NONCE_COOKIE, value)
                .path(BASE)
                .httpOnly(true)
                .secure(base().startsWith("https:"))
                .sameSite("Lax") // WeChat's redirect back is a top-level GET navigation: Lax sends the cookie
                .maxAge(maxAgeSeconds)
                .build();
    }

    private String base() {
        String url = pages.publicBaseUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private ResponseEntity<String> bindingForm(HttpStatus status, String appId, String ticket, String errorKey) {
        StringBuilder body = new StringBuilder()
                .append("<h1>").append(esc(MpTexts.get("oauth.bind.heading"))).append("</h1>")
                .append("<p>").append(esc(MpTexts.get("oauth.bind.intro"))).append("</p>");
        if (errorKey != null) {
            body.append("<p class=\"error\" role=\"alert\">").append(esc(MpTexts.get(errorKey))).append("</p>");
        }
        body.append("<form method=\"post\" action=\"").append(esc(BASE + appId + "/bind")).append("\">")
                .append("<input type=\"hidden\" name=\"ticket\" value=\"").append(esc(ticket)).append("\">")
                .append(field("code", "oauth.bind.code", "text"))
                .append("<p>").append(esc(MpTexts.get("oauth.bind.or"))).append("</p>")
                .append(field("staffNo", "oauth.bind.staffNo", "text"))
                .append(field("phoneTail", "oauth.bind.phoneTail", "tel"))
                .append("<button type=\"submit\">").append(esc(MpTexts.get("oauth.bind.submit"))).append("</button></form>");
        return html(status, body.toString());
    }

    private static String field(String name, String labelKey, String type) {
        return "<label>" + esc(MpTexts.get(labelKey)) + "<input name=\"" + name + "\" type=\"" + type
                + "\" maxlength=\"" + MAX_FIELD + "\" autocomplete=\"off\"></label>";
    }

    private static ResponseEntity<String> page(HttpStatus status, String key) {
        return html(status, "<p>" + esc(MpTexts.get(key)) + "</p>");
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        String page = "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>"
                + esc(MpTexts.get("oauth.title")) + "</title></head><body>" + body + "</body></html>";
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Content-Security-Policy", "default-src 'none'; form-action 'self'; style-src 'unsafe-inline'")
                .body(page);
    }

    private static boolean filled(String value) {
        return value != null && !value.isBlank() && value.length() <= MAX_FIELD;
    }

    private static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
