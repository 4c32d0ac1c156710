/**
 * The audit log: what staff and admins did, who, when, from which desk. Features write an entry
 * in the transaction of the change it records ({@link fi.suoja.server.audit.AuditLog#record}), so
 * a change and its entry are kept or lost together. Knows no feature.
 */
package fi.suoja.server.audit;
