package org.unionbot.core.testing;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.unionbot.core.member.BindingCodeRepository;

public final class InMemoryBindingCodeRepository implements BindingCodeRepository {
    private record Code(long memberId, Instant expiresAt, boolean used) {}

    private final Map<String, Code> codes = new HashMap<>();

    @Override
    public synchronized void store(String codeHash, long memberId, Instant expiresAt) {
        codes.put(codeHash, new Code(memberId, expiresAt, false));
    }

    @Override
    public synchronized Optional<Long> consume(String codeHash, Instant now) {
        Code code = codes.get(codeHash);
        if (code == null || code.used() || !now.isBefore(code.expiresAt())) {
            return Optional.empty();
        }
        codes.put(codeHash, new Code(code.memberId(), code.expiresAt(), true));
        return Optional.of(code.memberId());
    }
}
