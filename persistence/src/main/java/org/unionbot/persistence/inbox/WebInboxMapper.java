package org.unionbot.persistence.inbox;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The web inbox table ({@code web_inbox}, V21). */
@Mapper
public interface WebInboxMapper {

    int insertIgnore(@Param("user") String user, @Param("key") String key, @Param("kind") String kind,
                     @Param("body") String body, @Param("entryId") String entryId, @Param("title") String title,
                     @Param("confidence") Double confidence, @Param("options") String options,
                     @Param("now") LocalDateTime now);

    int markTaken(@Param("user") String user, @Param("token") String token, @Param("now") LocalDateTime now,
                  @Param("limit") int limit);

    List<Map<String, Object>> takenBy(@Param("token") String token);

    int countWaiting(@Param("user") String user);

    int purgeTaken(@Param("before") LocalDateTime before);
}
