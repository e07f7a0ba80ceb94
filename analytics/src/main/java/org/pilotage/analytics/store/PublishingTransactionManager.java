package org.pilotage.analytics.store;

import java.util.concurrent.locks.Lock;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * The transaction manager of writers that publish: its commits wait until no reader is inside a
 * statement, and readers wait for the commit, so that nobody sees half a commit (see
 * {@link DuckDbStore#publicationLock()}).
 */
public class PublishingTransactionManager extends JdbcTransactionManager {

    private final transient Lock write;

    public PublishingTransactionManager(DuckDbStore store) {
        super(store.dataSource());
        this.write = store.publicationLock().writeLock();
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        write.lock();
        try {
            super.doCommit(status);
        } finally {
            write.unlock();
        }
    }
}
