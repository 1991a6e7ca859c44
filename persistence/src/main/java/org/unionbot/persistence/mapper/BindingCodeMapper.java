package org.unionbot.persistence.mapper;

import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Param;

/** One-time binding codes, kept as hashes. */
public interface BindingCodeMapper {

    void insert(
            @Param("codeHash") String codeHash,
            @Param("memberId") long memberId,
            @Param("expiresAt") LocalDateTime expiresAt);

    /**
     * Marks the code used if it is unused and unexpired at {@code now}: a single conditional UPDATE, so
     * of two concurrent consumers exactly one sees 1.
     */
    int markUsed(@Param("codeHash") String codeHash, @Param("now") LocalDateTime now);

    Long selectMemberId(String codeHash);
}
