package org.unionbot.persistence;

import java.time.Instant;
import java.util.Optional;
import org.unionbot.core.member.BindingCodeRepository;
import org.unionbot.persistence.mapper.BindingCodeMapper;

/** Binding codes in the {@code binding_code} table, keyed by the code's hash. */
public final class MyBatisBindingCodeRepository implements BindingCodeRepository {

    private final BindingCodeMapper codes;

    public MyBatisBindingCodeRepository(BindingCodeMapper codes) {
        this.codes = codes;
    }

    @Override
    public void store(String codeHash, long memberId, Instant expiresAt) {
        codes.insert(codeHash, memberId, DbTime.toDb(expiresAt));
    }

    /**
     * The conditional UPDATE is the atomic step; the read after it needs no transaction, because once
     * this call has marked the code used nobody else can change the row's member.
     */
    @Override
    public Optional<Long> consume(String codeHash, Instant now) {
        if (codes.markUsed(codeHash, DbTime.toDb(now)) != 1) {
            return Optional.empty();
        }
        return Optional.ofNullable(codes.selectMemberId(codeHash));
    }
}
