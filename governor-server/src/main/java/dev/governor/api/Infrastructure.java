package dev.governor.api;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a fault of the infrastructure (the database down, hung, locked or too slow) from a bug.
 * Such a fault is answered 503 with Retry-After: the request was not carried out, and sending it
 * again later is right. It is never a 500 and never an ALLOW.
 */
public final class Infrastructure {

    public static final long RETRY_AFTER_SECONDS = 2;

    /** Exception types, by name, so that this package needs neither Hibernate nor JTA on its API. */
    private static final Set<String> FAULT_TYPES = Set.of(
            "org.hibernate.exception.JDBCConnectionException",
            "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.exception.LockTimeoutException",
            "org.hibernate.PessimisticLockException",
            "org.hibernate.QueryTimeoutException",
            "jakarta.persistence.LockTimeoutException",
            "jakarta.persistence.PessimisticLockException",
            "jakarta.persistence.QueryTimeoutException");

    private Infrastructure() {
    }

    /**
     * True when anything in the cause chain says the database failed or timed out. A rolled-back
     * transaction is not a fault by itself (a constraint violation at commit is a conflict or a
     * bug); its cause decides. One without a cause was rolled back by the transaction manager
     * itself, at its timeout: the database was too slow.
     */
    public static boolean isFault(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (FAULT_TYPES.contains(t.getClass().getName())) return true;
            if (t.getClass().getName().equals("jakarta.transaction.RollbackException") && t.getCause() == null) return true;
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException) return true;
            if (t instanceof SQLException sql && isFaultState(sql)) return true;
        }
        return false;
    }

    /** The innermost cause, class and message: enough for a one-line log of an expected fault. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getClass().getName() + ": " + root.getMessage();
    }

    /**
     * SQLSTATEs of faults rather than of bad statements: 08 connection, 40 transaction rolled
     * back (deadlock, serialisation), 53 out of resources, 57 operator intervention (statement
     * timeout, shutdown), 55P03 lock not available. H2's lock and query timeouts (HYT00) arrive as
     * SQLTimeoutException, a SQLTransientException, so they need no state here.
     */
    private static boolean isFaultState(SQLException sql) {
        String state = sql.getSQLState();
        if (state == null) {
            // Agroal's pool reports an acquisition timeout without a state.
            return sql.getMessage() != null && sql.getMessage().toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout");
        }
        return state.startsWith("08") || state.startsWith("40") || state.startsWith("53") || state.startsWith("57")
                || state.equals("55P03");
    }
}
