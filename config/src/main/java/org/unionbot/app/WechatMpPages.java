package org.unionbot.app;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.unionbot.adapter.wechat.MpMemberPages;
import org.unionbot.adapter.web.WebChatSettings;
import org.unionbot.adapter.web.WebLinkSigner;
import org.unionbot.adapter.web.poll.PollLinks;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.message.Platform;
import org.unionbot.core.poll.PollService;

/**
 * The pages 网页授权 hands a recognised Official Account follower to, signed exactly as the web adapter
 * signs them elsewhere: {@code poll:<id>} → the member's personal ballot page ({@link PollLinks#voteUrl});
 * {@code chat} and {@code suggestion} → the web chat opened with the member's personal link
 * ({@link WebLinkSigner}, 12 hours), where suggestions are made with 建议 (there is no separate suggestion
 * page). The web chat link needs the member's web identity and a configured {@code unionbot.web.link-secret};
 * without them the page is reported unavailable rather than opened as someone else.
 */
final class WechatMpPages implements MpMemberPages {
    private static final Pattern POLL = Pattern.compile("poll:([0-9]{1,12})");
    private static final Duration CHAT_LINK_VALIDITY = Duration.ofHours(12);

    private final String publicUrl;
    private final String signingSecret;
    private final WebLinkSigner chatSigner;
    private final MemberRepository members;
    private final PollService polls;
    private final PollLinks pollLinks;

    WechatMpPages(String publicUrl, WebChatSettings web, MemberRepository members, PollService polls, PollLinks pollLinks,
                  Clock clock) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        // Derived, so the OAuth state key is never the chat-link key itself; random (links die with the process) in the demo.
        this.signingSecret = web.linkSecret() != null ? web.linkSecret() + "|wechat-mp-oauth" : randomSecret();
        this.chatSigner = web.linkSecret() != null ? new WebLinkSigner(web.linkSecret(), clock) : null;
        this.members = members;
        this.polls = polls;
        this.pollLinks = pollLinks;
    }

    @Override
    public String publicBaseUrl() {
        return publicUrl;
    }

    @Override
    public String signingSecret() {
        return signingSecret;
    }

    @Override
    public boolean knows(String next) {
        return next.equals("chat") || next.equals("suggestion") || (POLL.matcher(next).matches() && polls != null);
    }

    @Override
    public Optional<String> pageFor(long memberId, String next) {
        var poll = POLL.matcher(next);
        if (poll.matches()) {
            if (polls == null || pollLinks == null) {
                return Optional.empty();
            }
            return polls.find(Long.parseLong(poll.group(1))).map(p -> pollLinks.voteUrl(p, memberId));
        }
        if (chatSigner == null) {
            return Optional.empty();
        }
        return members.identitiesOf(memberId).stream()
                .filter(identity -> identity.platform() == Platform.WEB)
                .findFirst()
                .map(identity -> publicUrl + "/?token=" + chatSigner.sign(identity.platformUserId(), CHAT_LINK_VALIDITY));
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
