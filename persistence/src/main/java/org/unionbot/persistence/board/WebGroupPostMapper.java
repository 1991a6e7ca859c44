package org.unionbot.persistence.board;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The web chat's group boards ({@code web_group_post}, V75). */
@Mapper
public interface WebGroupPostMapper {

    int insertIgnore(@Param("board") String board, @Param("key") String key, @Param("kind") String kind,
                     @Param("body") String body, @Param("entryId") String entryId, @Param("title") String title,
                     @Param("confidence") Double confidence, @Param("options") String options,
                     @Param("at") LocalDateTime at);

    /** The board's latest posts, newest first. */
    List<Map<String, Object>> latest(@Param("board") String board, @Param("limit") int limit);

    int purgeBefore(@Param("before") LocalDateTime before);
}
