package org.unionbot.persistence.mapper;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Platform accounts bound to members; platforms are passed as their lower-case codes. */
public interface IdentityMapper {

    /** @return 1 if bound now, 0 if the account was already bound (to anyone) */
    int insertIgnore(
            @Param("platform") String platformCode,
            @Param("platformUserId") String platformUserId,
            @Param("memberId") long memberId,
            @Param("boundAt") LocalDateTime boundAt);

    Long selectMemberId(@Param("platform") String platformCode, @Param("platformUserId") String platformUserId);

    List<IdentityRow> selectByMember(long memberId);

    List<IdentityRow> selectByPlatform(String platformCode);
}
