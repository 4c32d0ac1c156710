package fi.suoja.server.db;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces {@link DurableH2Url} on every configured data source before its pool opens, whatever the
 * operator's URL says, so that no configuration file can bring the delayed writes back.
 */
@Singleton
class DurableH2 implements BeanCreatedEventListener<DatasourceConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(DurableH2.class);

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        DurableH2Url durable = DurableH2Url.of(config.getUrl());
        if (durable.changed()) {
            config.setUrl(durable.url());
            LOG.info("Data source '{}': {}", config.getName(), durable.change());
        }
        return config;
    }
}
