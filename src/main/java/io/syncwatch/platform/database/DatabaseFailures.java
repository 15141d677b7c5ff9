package io.syncwatch.platform.database;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a passing failure of the database (worth trying again once it is back) from any other
 * error: no connection from the pool, a connection lost or refused, a server restarting, a lock
 * wait or deadlock, a commit or rollback on a broken connection.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * Spring's transient, recoverable and resource-failure exceptions, a transaction that could
     * not begin or end, the JDBC exceptions they wrap, a socket error, and SQL states of class 08
     * (connection) and 40 (transaction rolled back), anywhere in the cause chain.
     */
    public static boolean passing(@Nullable Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof TransactionSystemException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SocketException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("40"))) {
                return true;
            }
        }
        return false;
    }
}
