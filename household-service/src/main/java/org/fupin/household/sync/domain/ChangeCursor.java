package org.fupin.household.sync.domain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

/**
 * Where an app stands in the change feed: the last change it has (the sequence that orders the feed by commit) and
 * the day the cursor was issued (a day, not an instant: an app that syncs again and finds nothing new gets the same
 * cursor back). Opaque to apps; a cursor older than the retention cannot be
 * trusted (what it would have needed to learn may have been cleared), and the app must sync from scratch.
 */
public record ChangeCursor(Instant issuedAt, long seq) {

    public ChangeCursor {
        issuedAt = issuedAt.truncatedTo(ChronoUnit.DAYS);
    }

    private static final String VERSION = "c2:";

    /** The start of the feed: before every change. */
    public static ChangeCursor start(Instant now) {
        return new ChangeCursor(now, 0);
    }

    public String encode() {
        String text = VERSION + issuedAt.getEpochSecond() + ":" + seq;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor an app sent; empty when it is not one this feed issued. */
    public static Optional<ChangeCursor> decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(VERSION)) {
                return Optional.empty();
            }
            String[] parts = text.substring(VERSION.length()).split(":", -1);
            if (parts.length != 2) {
                return Optional.empty();
            }
            long seq = Long.parseLong(parts[1]);
            if (seq < 0) {
                return Optional.empty();
            }
            return Optional.of(new ChangeCursor(Instant.ofEpochSecond(Long.parseLong(parts[0])), seq));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the cursor is older than the feed keeps what apps need to learn (households that left their region). */
    public boolean expired(Instant now, Duration retention) {
        return issuedAt.isBefore(now.minus(retention));
    }

    /** The same position, issued now: an app that synced and found nothing new keeps a fresh cursor. */
    public ChangeCursor reissued(Instant now) {
        return new ChangeCursor(now, seq);
    }
}
