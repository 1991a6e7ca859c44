package org.unionbot.core.member;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.unionbot.core.message.Platform;
import org.unionbot.core.state.ConversationStateStore;
import org.unionbot.core.state.StateKey;

/**
 * Binds a platform account to a roster member, by a one-time code that the committee hands out or by
 * staff number plus the last four digits of the phone. Never by display name: anyone can call
 * themselves 王老师.
 *
 * <p>A phone tail has only 10,000 values, so failed attempts are counted per account and a sixth
 * failure within an hour is refused before any lookup.
 */
public final class BindingService {
    /** Letters and digits that cannot be misread for each other (no 0/O, 1/I/L). */
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int CODE_LENGTH = 8;
    static final int MAX_FAILURES = 5;
    static final Duration FAILURE_WINDOW = Duration.ofHours(1);

    private final MemberRepository members;
    private final BindingCodeRepository codes;
    private final ConversationStateStore state;
    private final Clock clock;
    private final Duration codeLifetime;
    private final SecureRandom random = new SecureRandom();

    public BindingService(MemberRepository members, BindingCodeRepository codes, ConversationStateStore state,
                          Clock clock, Duration codeLifetime) {
        this.members = members;
        this.codes = codes;
        this.state = state;
        this.clock = clock;
        this.codeLifetime = codeLifetime;
    }

    /** The outcome of one binding attempt. */
    public sealed interface Result {
        record Bound(Member member) implements Result {}

        record AlreadyBound(Member member) implements Result {}

        /** The account speaks for another member already; it stays theirs. */
        record AccountTaken() implements Result {}

        record Rejected() implements Result {}

        record TooManyAttempts() implements Result {}
    }

    /** Issues a new code for the member and returns it in clear text, once; only its hash is kept. */
    public String issueCode(long memberId) {
        char[] code = new char[CODE_LENGTH];
        for (int i = 0; i < code.length; i++) {
            code[i] = CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)];
        }
        String clear = new String(code);
        codes.store(hash(clear), memberId, clock.instant().plus(codeLifetime));
        return clear;
    }

    public Result bindByCode(Platform platform, String platformUserId, String code) {
        return attempt(platform, platformUserId,
                () -> codes.consume(hash(code), clock.instant()).flatMap(members::findById));
    }

    public Result bindByStaffNumber(Platform platform, String platformUserId, String staffNo, String phoneTail) {
        return attempt(platform, platformUserId, () -> members.findByStaffNo(staffNo.strip())
                .filter(m -> m.phoneTail() != null && MessageDigest.isEqual(
                        m.phoneTail().getBytes(StandardCharsets.UTF_8),
                        phoneTail.strip().getBytes(StandardCharsets.UTF_8))));
    }

    private Result attempt(Platform platform, String platformUserId, java.util.function.Supplier<Optional<Member>> lookup) {
        Optional<Member> current = members.findByIdentity(platform, platformUserId);
        if (current.isPresent()) {
            return new Result.AlreadyBound(current.get());
        }
        StateKey failuresKey = new StateKey("binding-failures", platform.code() + ":" + platformUserId);
        int failures = state.get(failuresKey).map(Integer::parseInt).orElse(0);
        if (failures >= MAX_FAILURES) {
            return new Result.TooManyAttempts();
        }
        Optional<Member> member = lookup.get();
        if (member.isEmpty()) {
            state.put(failuresKey, Integer.toString(failures + 1), FAILURE_WINDOW);
            return new Result.Rejected();
        }
        if (!members.bindIdentity(new PlatformIdentity(platform, platformUserId, member.get().id()))) {
            return new Result.AccountTaken();
        }
        state.remove(failuresKey);
        return new Result.Bound(member.get());
    }

    static String hash(String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(code.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
