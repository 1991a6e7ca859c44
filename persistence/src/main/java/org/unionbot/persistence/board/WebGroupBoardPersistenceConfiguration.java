package org.unionbot.persistence.board;

import org.mybatis.spring.annotation.MapperScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The durable web group boards; import next to PersistenceConfiguration. */
@Configuration(proxyBeanMethods = false)
@MapperScan(basePackageClasses = WebGroupPostMapper.class)
public class WebGroupBoardPersistenceConfiguration {

    @Bean
    public WebGroupBoardStore webGroupBoardStore(WebGroupPostMapper webGroupPostMapper) {
        return new WebGroupBoardStore(webGroupPostMapper);
    }
}
