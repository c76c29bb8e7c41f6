package org.fupin.webhook.subscription;

import java.net.URI;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.fupin.webhook.sql.Jdbc;

/** Subscriptions in the database; callers hold the transaction. */
@ApplicationScoped
public class SubscriptionStore {

    private static final String COLUMNS = "id, owner, region_code, url, event_types, secret, description, status, "
            + "suspended_reason, suspended_at, created_at, created_by, version";

    private final Jdbc jdbc;

    public SubscriptionStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Subscription s) {
        jdbc.work(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into subscription (" + COLUMNS
                    + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, s.id());
                insert.setString(2, s.owner());
                insert.setString(3, s.regionCode());
                insert.setString(4, s.url().toString());
                insert.setArray(5, connection.createArrayOf("text", s.eventTypes().toArray()));
                insert.setString(6, s.secret());
                insert.setString(7, s.description());
                insert.setString(8, s.status().name());
                insert.setString(9, s.suspendedReason());
                insert.setTimestamp(10, Jdbc.timestamp(s.suspendedAt()));
                insert.setTimestamp(11, Jdbc.timestamp(s.createdAt()));
                insert.setString(12, s.createdBy());
                insert.setLong(13, s.version());
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** The subscription, locked for a change when {@code forUpdate}. Deleted ones are found too: callers judge. */
    public Optional<Subscription> find(UUID id, boolean forUpdate) {
        return jdbc.work(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS + " from subscription where id = ?"
                    + (forUpdate ? " for update" : ""))) {
                select.setObject(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(read(rows)) : Optional.empty();
                }
            }
        });
    }

    /** Every subscription that is not deleted: few enough (one per receiving system and region) to match in memory. */
    public List<Subscription> live() {
        return list("where status <> 'DELETED' order by seq", List.of());
    }

    /** The subscriptions that are not deleted, in order of creation, after the given sequence, with their sequence. */
    public List<Numbered> page(String regionPrefix, String owner, long afterSeq, int limit) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder("where status <> 'DELETED'");
        if (regionPrefix != null && !regionPrefix.isEmpty()) {
            where.append(" and region_code <> '' and region_code like ?");
            parameters.add(regionPrefix + "%");
        }
        if (owner != null) {
            where.append(" and owner = ?");
            parameters.add(owner);
        }
        where.append(" and seq > ? order by seq limit ").append(limit);
        parameters.add(afterSeq);
        return jdbc.work(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select seq, " + COLUMNS + " from subscription " + where)) {
                Jdbc.bind(select, parameters);
                List<Numbered> found = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(new Numbered(rows.getLong("seq"), read(rows)));
                    }
                }
                return found;
            }
        });
    }

    /** A subscription with its place in the order of creation (the list's cursor). */
    public record Numbered(long seq, Subscription subscription) {
    }

    public void updateStatus(UUID id, Subscription.Status status, String reason, Instant at) {
        jdbc.update("update subscription set status = ?, suspended_reason = ?, suspended_at = ?, version = version + 1 "
                + "where id = ?", status.name(), reason, at, id);
    }

    private List<Subscription> list(String where, List<Object> parameters) {
        return jdbc.work(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS + " from subscription " + where)) {
                Jdbc.bind(select, parameters);
                List<Subscription> found = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(read(rows));
                    }
                }
                return found;
            }
        });
    }

    private static Subscription read(ResultSet row) throws SQLException {
        Array types = row.getArray("event_types");
        return new Subscription(row.getObject("id", UUID.class), row.getString("owner"), row.getString("region_code"),
                URI.create(row.getString("url")), List.of((String[]) types.getArray()), row.getString("secret"),
                row.getString("description"), Subscription.Status.valueOf(row.getString("status")),
                row.getString("suspended_reason"), Jdbc.instant(row.getTimestamp("suspended_at")),
                Jdbc.instant(row.getTimestamp("created_at")), row.getString("created_by"), row.getLong("version"));
    }

}
