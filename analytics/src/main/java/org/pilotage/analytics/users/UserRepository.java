package org.pilotage.analytics.users;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.pilotage.analytics.access.Role;
import org.pilotage.analytics.store.SqlQueries;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The users kept in the store ({@code queries/users}), with hashed passwords. A user is read from the store once and
 * then from memory until a change to any user (made here, the store's one owner) empties what was read: HTTP Basic
 * reads the caller's account on every request, and a statement per request was half of a cached chart's time under
 * load (bench/dashboard.sh), while a disabled account or changed roles must still apply at once.
 */
public class UserRepository {

    /** A user with what signing in needs. */
    public record Credentials(Account account, String passwordHash) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    /** Moves at every change to a user; what was read under another value is read again. */
    private final AtomicLong version = new AtomicLong();
    private final ConcurrentHashMap<String, Read> read = new ConcurrentHashMap<>();
    private static final int MAX_READ = 10_000;

    private record Read(long version, Optional<Credentials> credentials) {
    }

    public UserRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static String sql(String name) {
        return SqlQueries.get("users/" + name);
    }

    public Optional<Credentials> find(String username) {
        long now = version.get(); // taken before the read: a change committed during it makes the next call read again
        Read kept = read.get(username);
        if (kept != null && kept.version() == now) {
            return kept.credentials();
        }
        Optional<Credentials> found = jdbc.query(sql("find"), new MapSqlParameterSource("username", username),
                (rs, i) -> new Credentials(account(rs), rs.getString("password_hash"))).stream().findFirst();
        if (read.size() >= MAX_READ) {
            read.clear(); // names that are no account, tried by the thousand: forget them
        }
        read.put(username, new Read(now, found));
        return found;
    }

    /**
     * A user changed: what was read is stale now, and again once the transaction writing the change (if any) has ended,
     * so that no read made in between, of the row before the commit, is kept.
     */
    private void changed() {
        version.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    version.incrementAndGet();
                }
            });
        }
    }

    public long count() {
        Long n = jdbc.queryForObject(sql("count"), new MapSqlParameterSource(), Long.class);
        return n == null ? 0 : n;
    }

    public boolean exists(String username) {
        return find(username).isPresent();
    }

    public List<Account> list() {
        return jdbc.query(sql("list"), (rs, i) -> account(rs));
    }

    void insert(String username, String hash, String displayName, Set<Role> roles, Set<String> establishments) {
        jdbc.update(sql("insert"), new MapSqlParameterSource("username", username).addValue("hash", hash)
                .addValue("roles", roles(roles)).addValue("displayName", displayName).addValue("establishments", codes(establishments)));
        changed();
    }

    void update(String username, String displayName, Set<Role> roles, Set<String> establishments) {
        jdbc.update(sql("update"), new MapSqlParameterSource("username", username).addValue("displayName", displayName)
                .addValue("roles", roles(roles)).addValue("establishments", codes(establishments)));
        changed();
    }

    void setEnabled(String username, boolean enabled) {
        jdbc.update(sql("set-enabled"), new MapSqlParameterSource("username", username).addValue("enabled", enabled));
        changed();
    }

    void setPassword(String username, String hash) {
        jdbc.update(sql("set-password"), new MapSqlParameterSource("username", username).addValue("hash", hash));
        changed();
    }

    private static String roles(Set<Role> roles) {
        return roles.stream().map(Role::code).sorted().collect(Collectors.joining(","));
    }

    private static String codes(Set<String> establishments) {
        return SqlQueries.codes(new TreeSet<>(establishments));
    }

    private static Account account(ResultSet rs) throws SQLException {
        Set<Role> roles = new TreeSet<>();
        Arrays.stream(rs.getString("roles").split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .forEach(r -> roles.add(Role.valueOf(r.toUpperCase(Locale.ROOT))));
        Set<String> establishments = new TreeSet<>();
        Array a = rs.getArray("establishments");
        if (a != null) {
            for (Object o : (Object[]) a.getArray()) {
                establishments.add(String.valueOf(o));
            }
        }
        return new Account(rs.getString("username"), rs.getString("display_name"), roles, establishments, rs.getBoolean("enabled"));
    }
}
