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
import java.util.stream.Collectors;

import org.pilotage.analytics.access.Role;
import org.pilotage.analytics.store.SqlQueries;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The users kept in the store ({@code queries/users}), with hashed passwords. */
public class UserRepository {

    /** A user with what signing in needs. */
    public record Credentials(Account account, String passwordHash) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public UserRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static String sql(String name) {
        return SqlQueries.get("users/" + name);
    }

    public Optional<Credentials> find(String username) {
        return jdbc.query(sql("find"), new MapSqlParameterSource("username", username),
                (rs, i) -> new Credentials(account(rs), rs.getString("password_hash"))).stream().findFirst();
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
    }

    void update(String username, String displayName, Set<Role> roles, Set<String> establishments) {
        jdbc.update(sql("update"), new MapSqlParameterSource("username", username).addValue("displayName", displayName)
                .addValue("roles", roles(roles)).addValue("establishments", codes(establishments)));
    }

    void setEnabled(String username, boolean enabled) {
        jdbc.update(sql("set-enabled"), new MapSqlParameterSource("username", username).addValue("enabled", enabled));
    }

    void setPassword(String username, String hash) {
        jdbc.update(sql("set-password"), new MapSqlParameterSource("username", username).addValue("hash", hash));
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
