package org.pilotage.ingestion.jobs;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.pilotage.analytics.store.DuckDbStore;
import org.pilotage.analytics.store.PublishingTransactionManager;
import org.springframework.batch.core.configuration.BatchConfigurationException;
import org.springframework.batch.core.configuration.support.JdbcDefaultBatchConfiguration;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Isolation;

/**
 * Spring Batch's job repository inside Pilotage's DuckDB file, so that a step's writes and its
 * recorded state commit in one transaction. DuckDB speaks PostgreSQL's dialect well enough for the
 * repository's SQL; its tables come from Spring Batch's PostgreSQL script, run once when absent.
 */
@Configuration(proxyBeanMethods = false)
public class BatchInfrastructure extends JdbcDefaultBatchConfiguration {

    private final DuckDbStore store;
    private final PublishingTransactionManager transactionManager;

    public BatchInfrastructure(DuckDbStore store) {
        this.store = store;
        this.transactionManager = new PublishingTransactionManager(store);
    }

    @Bean
    public PlatformTransactionManager transactionManager() {
        return transactionManager;
    }

    @Override
    protected DataSource getDataSource() {
        return store.dataSource();
    }

    @Override
    protected PlatformTransactionManager getTransactionManager() {
        return transactionManager;
    }

    @Override
    protected String getDatabaseType() {
        return "POSTGRES";
    }

    @Override
    protected Isolation getIsolationLevelForCreate() {
        return Isolation.DEFAULT;
    }

    @Override
    @Bean
    public JobRepository jobRepository() throws BatchConfigurationException {
        createTablesIfAbsent(store.dataSource());
        return super.jobRepository();
    }

    static void createTablesIfAbsent(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     org.pilotage.analytics.store.SqlQueries.get("batch/has-repository"))) {
            rs.next();
            if (rs.getLong(1) == 0) {
                new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-postgresql.sql"))
                        .populate(c);
            }
        } catch (SQLException e) {
            throw new BatchConfigurationException("The job repository tables could not be created in the store", e);
        }
    }
}
