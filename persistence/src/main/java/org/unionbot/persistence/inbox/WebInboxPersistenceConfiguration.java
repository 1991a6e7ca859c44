package org.unionbot.persistence.inbox;

import org.mybatis.spring.annotation.MapperScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The durable web inbox; import next to PersistenceConfiguration. */
@Configuration(proxyBeanMethods = false)
@MapperScan(basePackageClasses = WebInboxMapper.class)
public class WebInboxPersistenceConfiguration {

    @Bean
    public WebInboxStore webInboxStore(WebInboxMapper webInboxMapper) {
        return new WebInboxStore(webInboxMapper);
    }
}
