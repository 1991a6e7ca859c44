package org.unionbot.persistence.mapper;

import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.unionbot.core.member.UnionGroup;

/** Union groups (工会小组). */
public interface GroupMapper {

    UnionGroup selectById(long id);

    List<UnionGroup> selectAll();

    Long selectIdByName(String name);

    /**
     * A locking read: unlike a plain read inside a transaction it sees a group another transaction
     * committed after this one's snapshot was taken.
     */
    Long selectIdByNameLocking(String name);

    /** @return 1 if inserted, 0 if a group of that name already existed */
    int insertIgnore(GroupInsert group);

    int updateLeader(@Param("groupId") long groupId, @Param("leaderMemberId") Long leaderMemberId);

    /** Parameter of {@link #insertIgnore}, receiving the generated id. */
    final class GroupInsert {
        private final String name;
        private Long id;

        public GroupInsert(String name) {
            this.name = name;
        }

        public String getName() {
            return name;
        }

        public Long getId() {
            return id;
        }

        public void setId(Long id) {
            this.id = id;
        }
    }
}
