package io.syncwatch.platform.adapter.out.persistence;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;

/**
 * Spring Data JDBC renders table and column names unquoted, so that the lower-case names of
 * the Flyway migrations resolve the same way on MySQL, MariaDB and H2 (see decision 0001).
 */
@Configuration(proxyBeanMethods = false)
class JdbcNamingConfiguration {

    @Bean
    static BeanPostProcessor unquotedIdentifiers() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof RelationalMappingContext context) {
                    context.setForceQuote(false);
                }
                return bean;
            }
        };
    }
}
