-- A row is counted (accepted), held for review (stored, not counted) or struck out by ops (invalidated).
-- status_reason says why it was held or invalidated. petition_title lets a released row be published whole.
alter table dedup.signature
    add column status text not null default 'accepted' check (status in ('accepted', 'held', 'invalidated')),
    add column status_reason text,
    add column status_changed_at timestamptz,
    add column petition_title text,
    -- '' on ordinary petitions; on household petitions the signer's normalized name, so one email may
    -- sign once per person of the household
    add column household_member text not null default '';

alter table dedup.signature drop constraint signature_one_per_person;
alter table dedup.signature
    add constraint signature_one_per_person unique (petition_slug, email_hash, household_member);

-- Ops list what is held, newest first
create index signature_held on dedup.signature (received_at desc) where status = 'held';

-- Ops strike out signatures by IP range: client_ip is text from intake, so an unreadable value must not fail
-- the whole query, it just matches no range
create function dedup.inet_or_null(address text) returns inet language plpgsql immutable as $$
begin
    return address::inet;
exception when others then
    return null;
end
$$;
