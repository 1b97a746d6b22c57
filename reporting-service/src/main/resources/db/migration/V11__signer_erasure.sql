-- Erasure at a person's request (people.erasures). The person's hash (dedup's mailbox hash, the key of
-- people.erasures) on each signer row is how an erasure finds their rows. Rows recorded before this version have
-- none: no event carries it for them again, so an erasure cannot find them (README, Erasure).
-- erased_at: when the row's names, postal code and comment were removed. Petition, region, country and time stay,
-- and counted_signature is not touched, so the row still counts in totals, breakdowns, milestones and report figures.
alter table reporting.signer
    add column email_hash text,
    add column erased_at  timestamptz;
-- Erased rows and rows from before this version have no hash: only rows an erasure can still find are indexed
create index signer_by_person on reporting.signer (email_hash) where email_hash is not null;

-- Who was erased and as of when. The hash stays here on purpose: it is how a late or replayed signature event of
-- the person (accepted at or before requested_at) is recognized and stored already anonymized.
create table reporting.erased_person (
    email_hash   text        primary key,
    erasure_id   uuid        not null,
    requested_at timestamptz not null,
    erased_at    timestamptz not null
);

-- The outbox of people.erasures.done: one row per erasure, written in the erasure's transaction; published_at stays
-- null until the topic acknowledged it.
create table reporting.erasure_done (
    erasure_id   uuid        primary key,
    email_hash   text        not null,
    records      integer     not null,
    done_at      timestamptz not null,
    published_at timestamptz
);
create index erasure_done_unpublished on reporting.erasure_done (done_at) where published_at is null;
