package org.unionbot.persistence.calendar;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Param;

/** Series, subscriptions, notices and the delivery log. Rows come back as column maps. */
public interface CalendarMapper {

    Map<String, Object> findSeries(@Param("key") String key);

    List<Map<String, Object>> allSeries();

    int upsertSeries(@Param("key") String key, @Param("title") String title, @Param("definition") String definition,
                     @Param("now") LocalDateTime now);

    int approveSeries(@Param("key") String key, @Param("approver") long approver, @Param("now") LocalDateTime now);

    int pauseSeries(@Param("key") String key, @Param("now") LocalDateTime now);

    int upsertOptOut(@Param("memberId") long memberId, @Param("key") String key, @Param("optedOut") boolean optedOut,
                     @Param("now") LocalDateTime now);

    int upsertLead(@Param("memberId") long memberId, @Param("key") String key, @Param("days") Integer days,
                   @Param("now") LocalDateTime now);

    List<Long> optedOut(@Param("key") String key);

    List<Map<String, Object>> leads();

    int insertNotice(@Param("key") String key, @Param("body") String body, @Param("urgent") boolean urgent,
                     @Param("now") LocalDateTime now);

    String noticeBody(@Param("key") String key);

    List<Long> membersWithRow(@Param("key") String key);

    int claimAll(@Param("key") String key, @Param("rows") List<Map<String, Object>> rows, @Param("owner") String owner,
                 @Param("now") LocalDateTime now);

    List<Map<String, Object>> claimedBy(@Param("owner") String owner);

    int insertOutcome(@Param("key") String key, @Param("memberId") long memberId, @Param("channel") String channel,
                      @Param("status") String status, @Param("detail") String detail, @Param("now") LocalDateTime now);

    int mark(@Param("key") String key, @Param("memberId") long memberId, @Param("channel") String channel,
             @Param("status") String status, @Param("attempts") int attempts, @Param("detail") String detail,
             @Param("now") LocalDateTime now);

    int takeOver(@Param("staleBefore") LocalDateTime staleBefore, @Param("owner") String owner,
                 @Param("now") LocalDateTime now, @Param("limit") int limit);

    int reclaimFailed(@Param("key") String key, @Param("owner") String owner, @Param("now") LocalDateTime now);

    List<Map<String, Object>> countByStatus(@Param("key") String key);

    List<String> recentSources(@Param("limit") int limit);
}
