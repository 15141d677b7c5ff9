package io.syncwatch.platform.adapter.out.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Pins the schema to {@code utf8mb4} whatever the server's default (issue 22.3: upstream MariaDB
 * 10.11 creates databases {@code latin1}, and the first arrow or emoji then broke the demo seeding).
 * Before each module's Flyway migration on MySQL/MariaDB: a database whose default character set
 * is not utf8mb4 is altered to {@value #CHARSET} / {@value #COLLATION}, so every table created
 * afterwards inherits it, and any table already created in another character set is converted.
 * Tables already in utf8mb4 are never touched (whatever their utf8mb4 collation). After migrating
 * it checks that no table is left outside utf8mb4; when the database user may not alter the
 * database, start-up stops with a message that says what to run.
 */
@Component
class Utf8mb4Schema implements Callback {

    static final String CHARSET = "utf8mb4";
    static final String COLLATION = "utf8mb4_unicode_ci";

    private static final Logger log = LoggerFactory.getLogger(Utf8mb4Schema.class);

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_MIGRATE || event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        if (connection == null || !mySqlFamily(connection)) {
            return; // H2 (the demo's embedded database) stores Unicode as it is
        }
        try {
            String database = single(connection, "select database()");
            pin(connection, database); // after too: Flyway may create its history table before the first callback
            if (event == Event.AFTER_MIGRATE) {
                List<String> left = tablesOutsideUtf8mb4(connection);
                if (!left.isEmpty()) {
                    throw refusal(database, "tables " + left + " are not utf8mb4", null);
                }
            }
        } catch (SQLException e) {
            throw refusal(currentDatabase(connection), e.getMessage(), e);
        }
    }

    private void pin(Connection connection, String database) throws SQLException {
        String charset = single(connection,
                "select default_character_set_name from information_schema.schemata where schema_name = database()");
        if (!CHARSET.equalsIgnoreCase(charset)) {
            log.warn("Database '{}' has default character set {}: changing it to {} ({}) so that every text column "
                    + "stores any Unicode character", database, charset, CHARSET, COLLATION);
            execute(connection, "ALTER DATABASE " + quoted(database) + " CHARACTER SET " + CHARSET + " COLLATE " + COLLATION);
        }
        for (String table : tablesOutsideUtf8mb4(connection)) {
            log.warn("Table '{}' is not in {}: converting it to {} ({})", table, CHARSET, CHARSET, COLLATION);
            execute(connection, "ALTER TABLE " + quoted(table) + " CONVERT TO CHARACTER SET " + CHARSET + " COLLATE " + COLLATION);
        }
    }

    private static List<String> tablesOutsideUtf8mb4(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery("select table_name from information_schema.tables where table_schema = database() "
                        + "and table_type = 'BASE TABLE' and table_collation not like 'utf8mb4%'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static FlywayException refusal(String database, String cause, Exception e) {
        String message = "Syncwatch needs a utf8mb4 database and could not make '" + database + "' one (" + cause + "). "
                + "Run as a user allowed to alter it: ALTER DATABASE `" + database + "` CHARACTER SET " + CHARSET
                + " COLLATE " + COLLATION + "; (and, for tables already created, ALTER TABLE <name> CONVERT TO CHARACTER SET "
                + CHARSET + " COLLATE " + COLLATION + ";), or create the database with CHARACTER SET " + CHARSET + ".";
        return e == null ? new FlywayException(message) : new FlywayException(message, e);
    }

    private static boolean mySqlFamily(Connection connection) {
        try {
            String product = connection.getMetaData().getDatabaseProductName();
            return product.contains("MySQL") || product.contains("MariaDB");
        } catch (SQLException e) {
            return false;
        }
    }

    private static String currentDatabase(Connection connection) {
        try {
            return single(connection, "select database()");
        } catch (SQLException e) {
            return "?";
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String quoted(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    @Override
    public String getCallbackName() {
        return "utf8mb4-schema";
    }
}
