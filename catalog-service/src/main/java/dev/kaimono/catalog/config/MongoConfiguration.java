package dev.kaimono.catalog.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.DefaultDbRefResolver;
import org.springframework.data.mongodb.core.convert.DefaultMongoTypeMapper;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * How catalog uses MongoDB beyond Boot's defaults: documents without the {@code _class} type hint (each
 * collection holds one type, and stored documents should not name Java classes a refactoring may
 * rename), and a health check of catalog's own database.
 */
@Configuration(proxyBeanMethods = false)
class MongoConfiguration {

    @Bean
    MappingMongoConverter mappingMongoConverter(MongoDatabaseFactory factory, MongoMappingContext context,
            MongoCustomConversions conversions) {
        MappingMongoConverter converter = new MappingMongoConverter(new DefaultDbRefResolver(factory), context);
        converter.setCustomConversions(conversions);
        converter.setTypeMapper(new DefaultMongoTypeMapper(null));
        return converter;
    }

    /** Named so that it replaces Boot's {@code mongo} health indicator (see {@link CatalogDatabaseHealthIndicator}). */
    @Bean
    CatalogDatabaseHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new CatalogDatabaseHealthIndicator(mongo);
    }
}
