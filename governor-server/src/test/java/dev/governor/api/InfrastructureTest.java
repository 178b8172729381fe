package dev.governor.api;

import jakarta.transaction.RollbackException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures are the database's (503, send again later) and which are ours or the caller's. */
class InfrastructureTest {

    private static RuntimeException wrapped(Throwable cause) {
        return new IllegalStateException("Error invoking subclass method", new RuntimeException("flush", cause));
    }

    @Test
    void lostConnectionsTimeoutsAndBusyLocksAreFaults() {
        assertThat(Infrastructure.isFault(wrapped(new SQLNonTransientConnectionException("connection closed", "08006")))).isTrue();
        assertThat(Infrastructure.isFault(wrapped(new SQLTimeoutException("Timeout trying to lock table", "HYT00")))).isTrue();
        assertThat(Infrastructure.isFault(wrapped(new SQLException("canceling statement due to statement timeout", "57014")))).isTrue();
        assertThat(Infrastructure.isFault(wrapped(new SQLException("canceling statement due to lock timeout", "55P03")))).isTrue();
        assertThat(Infrastructure.isFault(wrapped(new SQLException("deadlock detected", "40P01")))).isTrue();
        assertThat(Infrastructure.isFault(wrapped(new SQLException("too many connections", "53300")))).isTrue();
    }

    @Test
    void anExhaustedPoolIsAFaultWhateverTheCaseOfItsMessage() {
        assertThat(Infrastructure.isFault(wrapped(new SQLException("Acquisition timeout while waiting for new connection")))).isTrue();
        assertThat(Infrastructure.isFault(wrapped(new SQLException("some other driver complaint")))).isFalse();
    }

    @Test
    void aRollbackIsAFaultOnlyWhenTheTransactionManagerTimedItOutOrItsCauseIsOne() {
        assertThat(Infrastructure.isFault(wrapped(new RollbackException("ARJUNA016102: The transaction is not active!")))).isTrue();
        RollbackException conflict = new RollbackException("commit failed");
        conflict.initCause(new SQLIntegrityConstraintViolationException("duplicate key", "23505"));
        assertThat(Infrastructure.isFault(wrapped(conflict))).isFalse();
        RollbackException lost = new RollbackException("commit failed");
        lost.initCause(new SQLNonTransientConnectionException("I/O error", "08006"));
        assertThat(Infrastructure.isFault(wrapped(lost))).isTrue();
    }

    @Test
    void bugsAndBadStatementsAreNotFaults() {
        assertThat(Infrastructure.isFault(new IllegalStateException("a bug"))).isFalse();
        assertThat(Infrastructure.isFault(wrapped(new SQLException("syntax error", "42601")))).isFalse();
        assertThat(Infrastructure.isFault(wrapped(new SQLIntegrityConstraintViolationException("duplicate key", "23505")))).isFalse();
        assertThat(Infrastructure.isFault(null)).isFalse();
    }
}
