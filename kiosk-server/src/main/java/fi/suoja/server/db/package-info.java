/**
 * What every feature shares of the database. {@link fi.suoja.server.db.Tx} is the server's one way
 * to run a transaction; nothing else opens one (no {@code @Transactional}, no
 * {@code TransactionOperations} outside this package). Why this one:
 * <ul>
 * <li>The boundary is in the code, as a lambda. Much of the server's work must happen outside a
 * transaction — a command to a lock or a device, an event to listeners after the commit — and a
 * reader sees what is inside; an annotation hides it, and on a call within the same bean
 * (or a private method) it silently does nothing.</li>
 * <li>Several instances share one database and claim work with conditional updates, so deadlocks
 * and lock time-outs happen; {@code Tx} tries such work again, an annotation does not.</li>
 * <li>The variants a feature needs are named: {@code run} (write), {@code read} (read-only, also
 * with plain JDBC), {@code alone} (commits whatever the caller's transaction does) and
 * {@code inCallers} (must be part of the caller's change, as an audit entry is).</li>
 * </ul>
 * Work called inside a transaction joins it. Rows put off to the commit
 * ({@link fi.suoja.server.db.BatchInsert#insertBeforeCommit}) are a transaction's last writes: on
 * PostgreSQL the {@code COMMIT} goes in their statement, so {@code Tx} registers the only transaction
 * synchronization that writes. {@link fi.suoja.server.db.IdBlocks} gives a row its id before it is
 * written, so that it can be put off too. {@link fi.suoja.server.db.SqlErrors} reads what went
 * wrong from the SQLSTATE, which H2 and PostgreSQL share.
 */
package fi.suoja.server.db;
