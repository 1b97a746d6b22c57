-- The audit log takes the entries of email-service and dedup-service too, from audit.events (service-kit's
-- AuditEvents, relayed from each one's audit_outbox). service names who wrote the entry: this service's own rows, old
-- and new, take the default. event_id makes the ingest idempotent (a relayed event arrives at least once: insert ...
-- on conflict (event_id) do nothing); this service's own rows get one from the default, so every entry has one.
-- Neither statement is an UPDATE: adding a column with a default fills the existing rows in the table's rewrite,
-- which fires no trigger, and the append-only trigger stays as it is.
alter table reporting.audit_event add column service text not null default 'reporting-service';
alter table reporting.audit_event add column event_id uuid not null default gen_random_uuid() unique;
