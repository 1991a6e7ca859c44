package org.unionbot.persistence.mapper;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/**
 * Members with their roles and tags. Every select returns whole members (roles and tags included)
 * from a single statement; see {@code MemberMapper.xml}.
 */
public interface MemberMapper {

    MemberRow selectById(long id);

    MemberRow selectByStaffNo(String staffNo);

    /** Same as {@link #selectByStaffNo} but locks the member's rows until the transaction ends. */
    MemberRow selectByStaffNoForUpdate(String staffNo);

    MemberRow selectByIdentity(@Param("platform") String platformCode, @Param("platformUserId") String platformUserId);

    List<MemberRow> selectByRole(String role);

    List<MemberRow> selectAll();

    List<MemberRow> selectByGroup(long groupId);

    long countMembers();

    /** Inserts the member (not its roles and tags) and sets the row's generated id. */
    void insertMember(@Param("m") MemberRow member, @Param("now") LocalDateTime now);

    int updateMember(@Param("m") MemberRow member, @Param("now") LocalDateTime now);

    void deleteRoles(long memberId);

    void insertRoles(@Param("memberId") long memberId, @Param("roles") Collection<String> roles);

    void deleteTags(long memberId);

    void insertTags(@Param("memberId") long memberId, @Param("tags") Collection<String> tags);
}
