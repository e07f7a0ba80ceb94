package org.pilotage.analytics.store;

import java.util.concurrent.locks.Lock;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.CallableStatementCallback;
import org.springframework.jdbc.core.CallableStatementCreator;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.StatementCallback;

/** A JdbcTemplate whose every statement runs outside any publishing commit (see {@link DuckDbStore#publicationLock()}). */
public class ReadConsistentJdbcTemplate extends JdbcTemplate {

    private final Lock read;

    public ReadConsistentJdbcTemplate(DuckDbStore store) {
        super(store.dataSource());
        this.read = store.publicationLock().readLock();
    }

    @Override
    public <T> T execute(ConnectionCallback<T> action) throws DataAccessException {
        read.lock();
        try {
            return super.execute(action);
        } finally {
            read.unlock();
        }
    }

    @Override
    public <T> T execute(StatementCallback<T> action) throws DataAccessException {
        read.lock();
        try {
            return super.execute(action);
        } finally {
            read.unlock();
        }
    }

    @Override
    public <T> T execute(PreparedStatementCreator psc, PreparedStatementCallback<T> action) throws DataAccessException {
        read.lock();
        try {
            return super.execute(psc, action);
        } finally {
            read.unlock();
        }
    }

    @Override
    public <T> T execute(CallableStatementCreator csc, CallableStatementCallback<T> action) throws DataAccessException {
        read.lock();
        try {
            return super.execute(csc, action);
        } finally {
            read.unlock();
        }
    }
}
