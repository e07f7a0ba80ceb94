package org.pilotage.analytics.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The store's connections for readers of published data: a connection holds the read side of
 * {@link DuckDbStore#publicationLock()} from the moment it is taken until it is closed, so that no
 * statement runs while a publication commits. JdbcTemplate takes one per operation.
 *
 * <p>It is another DataSource than the transaction managers': code that must join a transaction
 * uses {@link DuckDbStore#dataSource()}.
 */
public class ReadConsistentDataSource extends DelegatingDataSource {

    private final Lock read;

    public ReadConsistentDataSource(DuckDbStore store) {
        super(store.dataSource());
        this.read = store.publicationLock().readLock();
    }

    @Override
    public Connection getConnection() throws SQLException {
        read.lock();
        try {
            return guarded(obtainTargetDataSource().getConnection());
        } catch (SQLException | RuntimeException e) {
            read.unlock();
            throw e;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    private Connection guarded(Connection target) {
        AtomicBoolean open = new AtomicBoolean(true);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        try {
                            return method.invoke(target, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        } finally {
                            if (open.compareAndSet(true, false)) {
                                read.unlock();
                            }
                        }
                    }
                    if (method.getName().equals("isClosed") && !open.get()) {
                        return true;
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
