package org.unionbot.persistence.calendar;

import java.time.Clock;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The calendar's repositories (series, subscriptions, delivery log); import next to PersistenceConfiguration. */
@Configuration(proxyBeanMethods = false)
@MapperScan(basePackageClasses = CalendarMapper.class)
public class CalendarPersistenceConfiguration {

    @Bean
    public MyBatisSeriesRepository seriesRepository(CalendarMapper calendarMapper) {
        return new MyBatisSeriesRepository(calendarMapper);
    }

    @Bean
    public MyBatisSubscriptionRepository subscriptionRepository(CalendarMapper calendarMapper, Clock clock) {
        return new MyBatisSubscriptionRepository(calendarMapper, clock);
    }

    @Bean
    public MyBatisDeliveryLog deliveryLog(CalendarMapper calendarMapper) {
        return new MyBatisDeliveryLog(calendarMapper);
    }
}
