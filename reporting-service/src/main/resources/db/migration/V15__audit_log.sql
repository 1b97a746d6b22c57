-- The audit log: who did what to which organization's things, and who was refused. Append-only: a statement trigger
-- refuses every UPDATE, DELETE and TRUNCATE, so neither the service nor a mistaken script rewrites history (the
-- table's owner could still drop the trigger; that is a migration, reviewed as one).
-- organization is a slug with no foreign key: the entries of a deleted organization stay. Actors are staff (an
-- account's address or a deployment token's name in actor_label) and targets are slugs and ids: no signer's data is
-- ever written here, which is why erasure and retention never need to touch it.
create table reporting.audit_event (
    id             bigserial   primary key,
    at             timestamptz not null,
    actor_account  uuid,
    actor_label    text        not null,
    organization   text,
    action         text        not null,
    target         text,
    outcome        text        not null check (outcome in ('SUCCESS', 'DENIED', 'FAILED')),
    detail         jsonb,
    client_address text
);
-- An organization's owners page through its entries newest first (keyset on id)
create index audit_event_by_organization on reporting.audit_event (organization, id desc);

create function reporting.audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'reporting.audit_event is append-only: % is refused', tg_op
        using errcode = 'insufficient_privilege',
              hint = 'audit entries are never changed or removed; record a new entry instead';
end;
$$;

create trigger audit_event_append_only
    before update or delete or truncate on reporting.audit_event
    for each statement execute function reporting.audit_event_append_only();
