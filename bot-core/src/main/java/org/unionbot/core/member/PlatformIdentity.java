package org.unionbot.core.member;

import java.util.Objects;
import org.unionbot.core.message.Platform;

/** A platform account (openid, WeCom userid, DingTalk staffId, web user id) bound to one member. */
public record PlatformIdentity(Platform platform, String platformUserId, long memberId) {
    public PlatformIdentity {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(platformUserId, "platformUserId");
    }

    @Override
    public String toString() {
        return "PlatformIdentity[" + platform.code() + ", member=" + memberId + "]";
    }
}
