-- Erasure (issue 17): an erased person's rows keep what counts (petition, status, email hash, country, region,
-- times) and lose what names them, so the address and the first name become optional.
alter table dedup.signature alter column email drop not null, alter column given_name drop not null;

-- An erasure finds the person's rows by their hash (the unique key leads with the petition)
create index signature_person on dedup.signature (email_hash);

-- Who was erased and when they asked: a signature of theirs received at or before requested_at that arrives
-- later (a replay, a backlog) is stored already anonymized. The hash stays: it is what keeps the person at one
-- signature per petition, and it names no one without the pipeline's key.
create table dedup.erased_person (
    email_hash   text        primary key,
    erasure_id   uuid        not null,
    requested_at timestamptz not null,
    erased_at    timestamptz not null
);

-- The outbox of people.erasures.done: one row per erasure, written with the erasure, relayed after the commit
-- (published_at stays null until the broker holds it). Keyed by the erasure, so a replayed request announces
-- nothing twice.
create table dedup.erasure_done (
    erasure_id   uuid        primary key,
    email_hash   text        not null,
    records      integer     not null,
    done_at      timestamptz not null,
    published_at timestamptz
);
create index erasure_done_unpublished on dedup.erasure_done (done_at) where published_at is null;
