package io.syncwatch.agentrequests.adapter.out.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import io.syncwatch.agentrequests.domain.ErrorDisplay;
import io.syncwatch.agentrequests.domain.KeyKind;
import io.syncwatch.agentrequests.domain.LogTab;
import io.syncwatch.agentrequests.domain.LoggedRequest;

/**
 * Pre-aggregated counts of the request log in {@code ac_request_count} (issue 20): per account,
 * tab, key kind and error code ({@code ''} for the tab's requests), in hour ({@code 'H'}) and day
 * ({@code 'D'}) buckets. {@link #add} runs in the transaction that inserts the rows, so the buckets
 * never disagree with them; {@link #invalidCountsByError} answers the summary strip from the
 * buckets of the whole days and hours inside the range, and counts rows only for the partial
 * hours at its two ends. Its cost grows with the number of buckets, not of logged requests.
 */
final class RequestCounts {

    static final String SPAN_HOUR = "H";
    static final String SPAN_DAY = "D";
    /** The code of a bucket that counts a tab's requests (rather than one error code). */
    static final String ALL = "";

    private RequestCounts() {
    }

    /** A bucket's identity; ordered, so that writers on several instances lock buckets in one order. */
    record Key(long account, String span, String tab, String keyKind, String code, LocalDateTime start) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(account, o.account);
            if (c == 0) c = span.compareTo(o.span);
            if (c == 0) c = tab.compareTo(o.tab);
            if (c == 0) c = keyKind.compareTo(o.keyKind);
            if (c == 0) c = code.compareTo(o.code);
            if (c == 0) c = start.compareTo(o.start);
            return c;
        }
    }

    /** The bucket increments the rows make, aggregated (a batch of hundreds of rows touches a handful of buckets). */
    static Map<Key, Long> increments(List<LoggedRequest> rows) {
        Map<Key, Long> counts = new TreeMap<>();
        for (LoggedRequest r : rows) {
            LocalDateTime at = Timestamps.of(r.createdAt());
            LocalDateTime hour = at.truncatedTo(ChronoUnit.HOURS);
            LocalDateTime day = at.truncatedTo(ChronoUnit.DAYS);
            long account = r.accountId().value();
            String kind = r.keyKind().name();
            for (LogTab tab : LogTab.values()) {
                if (!r.inTab(tab)) {
                    continue;
                }
                for (String span : List.of(SPAN_HOUR, SPAN_DAY)) {
                    LocalDateTime start = span.equals(SPAN_HOUR) ? hour : day;
                    counts.merge(new Key(account, span, tab.name(), kind, ALL, start), 1L, Long::sum);
                    for (String code : r.errorCodes()) {
                        counts.merge(new Key(account, span, tab.name(), kind, code, start), 1L, Long::sum);
                    }
                }
            }
        }
        return counts;
    }

    private static final String UPSERT = "INSERT INTO ac_request_count (account_id, span, tab, key_kind, code, start_at, requests) VALUES ";
    private static final String UPSERT_ROW = "(?, ?, ?, ?, ?, ?, ?)";
    private static final String UPSERT_END = " ON DUPLICATE KEY UPDATE requests = requests + VALUES(requests)";

    /** Adds the rows to their buckets on the connection of the transaction that inserts them: one statement. */
    static void add(Connection con, List<LoggedRequest> rows) throws SQLException {
        Map<Key, Long> increments = increments(rows);
        if (increments.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder(UPSERT.length() + increments.size() * (UPSERT_ROW.length() + 2) + UPSERT_END.length())
                .append(UPSERT);
        for (int i = 0; i < increments.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(UPSERT_ROW);
        }
        sql.append(UPSERT_END);
        try (PreparedStatement ps = con.prepareStatement(sql.toString())) {
            int p = 1;
            for (Map.Entry<Key, Long> e : increments.entrySet()) {
                Key k = e.getKey();
                ps.setLong(p++, k.account());
                ps.setString(p++, k.span());
                ps.setString(p++, k.tab());
                ps.setString(p++, k.keyKind());
                ps.setString(p++, k.code());
                ps.setObject(p++, k.start());
                ps.setLong(p++, e.getValue());
            }
            ps.executeUpdate();
        }
    }

    /** A piece of a time range and where its count comes from. */
    record Piece(String span, LocalDateTime from, LocalDateTime to) {
        /** Counted from the rows themselves rather than from buckets. */
        static final String ROWS = "R";
        /** Rows counted and subtracted (the part of a whole hour's bucket before the range starts). */
        static final String MINUS_ROWS = "N";
    }

    /** {@link #pieces(LocalDateTime, LocalDateTime, LocalDateTime)} of a range that ends in the past. */
    static List<Piece> pieces(LocalDateTime from, LocalDateTime to) {
        return pieces(from, to, LocalDateTime.MAX);
    }

    /**
     * Splits [from, to) into whole days (day buckets), whole hours (hour buckets) and rows for the
     * partial hours at its ends, reading as few rows as it can:
     * <ul>
     * <li>the partial first hour is counted from its rows when less than half of it is in the range,
     * otherwise as its hour bucket minus the rows before {@code from} — at most half an hour of rows;</li>
     * <li>a range that ends at or after {@code now} (a preset "last N days") takes the current
     * hour's bucket whole: no row of that hour is later than now;</li>
     * <li>a range within two hours is counted from its rows.</li>
     * </ul>
     */
    static List<Piece> pieces(LocalDateTime from, LocalDateTime to, LocalDateTime now) {
        List<Piece> pieces = new ArrayList<>(6);
        if (!from.isBefore(to)) {
            return pieces;
        }
        LocalDateTime firstHour = ceil(from, ChronoUnit.HOURS);
        LocalDateTime lastHour = to.truncatedTo(ChronoUnit.HOURS);
        if (!firstHour.isBefore(lastHour)) {
            pieces.add(new Piece(Piece.ROWS, from, to));
            return pieces;
        }
        LocalDateTime start = firstHour;
        if (from.isBefore(firstHour)) {
            LocalDateTime hour = from.truncatedTo(ChronoUnit.HOURS);
            if (java.time.Duration.between(from, firstHour).toMinutes() <= 30) {
                pieces.add(new Piece(Piece.ROWS, from, firstHour));
            } else {
                pieces.add(new Piece(Piece.MINUS_ROWS, hour, from));
                start = hour;
            }
        }
        boolean endsNow = !to.isBefore(now) && lastHour.isBefore(to);
        LocalDateTime end = endsNow ? lastHour.plusHours(1) : lastHour;
        LocalDateTime firstDay = ceil(start, ChronoUnit.DAYS);
        LocalDateTime lastDay = end.truncatedTo(ChronoUnit.DAYS);
        if (firstDay.isBefore(lastDay)) {
            if (start.isBefore(firstDay)) {
                pieces.add(new Piece(SPAN_HOUR, start, firstDay));
            }
            pieces.add(new Piece(SPAN_DAY, firstDay, lastDay));
            if (lastDay.isBefore(end)) {
                pieces.add(new Piece(SPAN_HOUR, lastDay, end));
            }
        } else {
            pieces.add(new Piece(SPAN_HOUR, start, end));
        }
        if (!endsNow && lastHour.isBefore(to)) {
            pieces.add(new Piece(Piece.ROWS, lastHour, to));
        }
        return pieces;
    }

    private static LocalDateTime ceil(LocalDateTime t, ChronoUnit unit) {
        LocalDateTime floor = t.truncatedTo(unit);
        return floor.equals(t) ? t : floor.plus(1, unit);
    }

    private static final String CODE_MARKS = String.join(", ", java.util.Collections.nCopies(ErrorDisplay.STORED_CODES.size(), "?"));

    /** The statement of a piece counted from the rows: account, every code, from, to, then in_test if {@code byKeyKind}. */
    static String rowCountsSql(boolean byKeyKind) {
        return "SELECT code, COUNT(*) FROM ac_request_error WHERE account_id = ? AND code IN (" + CODE_MARKS
                + ") AND created_at >= ? AND created_at < ?" + (byKeyKind ? " AND in_test = ?" : "") + " GROUP BY code";
    }

    /**
     * One statement: the sum of every piece's counts per code. Bucket pieces read the primary key
     * (one range per key kind and code), row pieces the error index (one range per code).
     */
    static String countsSql(List<Piece> pieces, @Nullable KeyKind keyKind) {
        StringBuilder sql = new StringBuilder("SELECT code, SUM(n) FROM (");
        for (int i = 0; i < pieces.size(); i++) {
            Piece piece = pieces.get(i);
            sql.append(i == 0 ? "" : " UNION ALL ");
            if (piece.span().equals(Piece.ROWS) || piece.span().equals(Piece.MINUS_ROWS)) {
                sql.append(piece.span().equals(Piece.ROWS) ? "SELECT code, COUNT(*) AS n" : "SELECT code, -COUNT(*) AS n")
                        .append(" FROM ac_request_error WHERE account_id = ? AND code IN (").append(CODE_MARKS)
                        .append(") AND created_at >= ? AND created_at < ?").append(keyKind != null ? " AND in_test = ?" : "")
                        .append(" GROUP BY code");
            } else {
                sql.append("SELECT code, requests AS n FROM ac_request_count WHERE account_id = ? AND span = ? AND tab = 'INVALID'")
                        .append(keyKind != null ? " AND key_kind = ?" : " AND key_kind IN ('TEST', 'PRODUCTION')")
                        .append(" AND code IN (").append(CODE_MARKS).append(") AND start_at >= ? AND start_at < ?");
            }
        }
        return sql.append(") c GROUP BY code").toString();
    }

    static List<Object> countsParams(long account, List<Piece> pieces, @Nullable KeyKind keyKind) {
        List<Object> params = new ArrayList<>();
        for (Piece piece : pieces) {
            params.add(account);
            if (piece.span().equals(Piece.ROWS) || piece.span().equals(Piece.MINUS_ROWS)) {
                params.addAll(ErrorDisplay.STORED_CODES);
                params.add(piece.from());
                params.add(piece.to());
                if (keyKind != null) {
                    params.add(keyKind == KeyKind.TEST);
                }
            } else {
                params.add(piece.span());
                if (keyKind != null) {
                    params.add(keyKind.name());
                }
                params.addAll(ErrorDisplay.STORED_CODES);
                params.add(piece.from());
                params.add(piece.to());
            }
        }
        return params;
    }

    static Map<String, Long> ordered(Map<String, Long> counts) {
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (String code : ErrorDisplay.STORED_CODES) {
            Long n = counts.get(code);
            if (n != null) {
                ordered.put(code, n);
            }
        }
        return ordered;
    }
}
