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
 * The ingestion job, read top to bottom: stage the file (unless it cannot be read), check it, and publish
 * it unless the check rejected too many rows. Every step may run again on a restart: each rebuilds its own tables, and
 * publishing does nothing for content the manifest already holds.
 */
@Configuration(proxyBeanMethods = false)
public class IngestionJobConfiguration {

    public static final String JOB_NAME = "ingestion";

    @Bean(destroyMethod = "close")
    StepSupport stepSupport(DuckDbStore store, IngestionProgress progress) {
        return new StepSupport(store, progress);
    }

    @Bean
    Job ingestionJob(JobRepository jobRepository, IngestionJobListener listener, Step stageStep, Step checkStep, Step publishStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(listener)
                .start(stageStep)
                    .on(StepSupport.EXIT_UNREADABLE).fail()
                .from(stageStep)
                    .on("FAILED").fail()
                .from(stageStep)
                    .on("*").to(checkStep)
                .from(checkStep)
                    .on(CheckStep.EXIT_REJECTED).fail()
                .from(checkStep)
                    .on(StepSupport.EXIT_UNREADABLE).fail()
                .from(checkStep)
                    .on("FAILED").fail()
                .from(checkStep)
                    .on("*").to(publishStep)
                .end()
                .build();
    }

    @Bean
    Step stageStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, StepSupport support) {
        return new StepBuilder("stage", jobRepository).tasklet(new StageStep(support), transactionManager)
                .allowStartIfComplete(true).build();
    }

    @Bean
    Step checkStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, StepSupport support,
                   IngestionProperties properties) {
        return new StepBuilder("check", jobRepository).tasklet(new CheckStep(support, properties), transactionManager)
                .allowStartIfComplete(true).build();
    }

    @Bean
    Step publishStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, StepSupport support) {
        return new StepBuilder("publish", jobRepository).tasklet(new PublishStep(support), transactionManager)
                .allowStartIfComplete(true).build();
    }
}
