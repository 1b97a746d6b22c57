-- The outbox of audit.events (service-kit's AuditEvents): what staff did here, or were refused, for reporting's
-- audit log. A success is written in the transaction of the action it records, a refusal in one of its own; the
-- relay puts each row on audit.events after the commit and sets published_at. Staff data only (accounts, slugs,
-- ids): no signer's data, so erasure and retention never need to touch it. event_id lets reporting take a row
-- relayed twice once.
create table email.audit_outbox (
    event_id       uuid        primary key,
    at             timestamptz not null,
    service        text        not null,
    actor_account  uuid,
    actor_label    text        not null,
    organization   text,
    action         text        not null,
    target         text,
    outcome        text        not null check (outcome in ('SUCCESS', 'DENIED', 'FAILED')),
    detail         jsonb,
    client_address text,
    published_at   timestamptz
);
create index audit_outbox_unpublished on email.audit_outbox (at) where published_at is null;
