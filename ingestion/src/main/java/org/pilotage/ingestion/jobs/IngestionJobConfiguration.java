package org.pilotage.ingestion.jobs;

import org.pilotage.analytics.store.DuckDbStore;
import org.pilotage.ingestion.IngestionProperties;
import org.pilotage.ingestion.progress.IngestionProgress;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The ingestion job, read top to bottom: one step loads the file (stage, check, publish: see {@link LoadStep}); the
 * job fails when the file cannot be read or the check rejected too many rows. The step runs again on a restart,
 * from the stored file: its workspace is rebuilt, and publishing does nothing for content the manifest already holds.
 */
@Configuration(proxyBeanMethods = false)
public class IngestionJobConfiguration {

    public static final String JOB_NAME = "ingestion";

    @Bean(destroyMethod = "close")
    StepSupport stepSupport(DuckDbStore store, IngestionProgress progress) {
        return new StepSupport(store, progress);
    }

    @Bean
    Job ingestionJob(JobRepository jobRepository, IngestionJobListener listener, Step loadStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(listener)
                .start(loadStep)
                    .on(StepSupport.EXIT_UNREADABLE).fail()
                .from(loadStep)
                    .on(LoadStep.EXIT_REJECTED).fail()
                .from(loadStep)
                    .on("FAILED").fail()
                .from(loadStep)
                    .on("*").end()
                .end()
                .build();
    }

    @Bean
    Step loadStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, StepSupport support,
                  IngestionProperties properties) {
        return new StepBuilder("load", jobRepository).tasklet(new LoadStep(support, properties), transactionManager)
                .allowStartIfComplete(true).build();
    }
}
