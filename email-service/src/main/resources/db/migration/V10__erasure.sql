-- Erasure (people.erasures): the person's address goes, the hash stays. The hash is what every topic and the
-- signature dedup key on; kept, it is the suppression entry that says this mailbox's owner asked to be forgotten,
-- and it names nobody without the address.
alter table email.person alter column email drop not null;
-- When the person's data was erased; null for everyone else, and again once they sign after the erasure
alter table email.person add column erased_at timestamptz;

-- The tombstone: the latest erasure of each person. A signature accepted at or before requested_at that arrives
-- later (a replay, a consumer backlog) brings nothing back; one accepted after it is a new signature.
create table email.erased_person (
    email_hash   text        primary key,
    erasure_id   uuid        not null,
    requested_at timestamptz not null,
    erased_at    timestamptz not null
);

-- Erasures done (service-kit's ErasureAnnouncements), to announce on people.erasures.done: written in the
-- transaction that erases and relayed afterwards. One row per erasure id: a replayed erasure finds its row and does
-- nothing again.
create table email.erasure_done (
    erasure_id   uuid        primary key,
    email_hash   text        not null,
    records      int         not null,
    done_at      timestamptz not null,
    published_at timestamptz
);
create index erasure_done_unpublished on email.erasure_done (done_at) where published_at is null;

-- An erasure finds a person's rows by hash; without these it would scan whole tables while signature batches wait
create index consent_person on email.consent (email_hash);
create index outbox_person on email.outbox (email_hash);
create index confirmation_person on email.confirmation (email_hash);
create index mailing_recipient_person on email.mailing_recipient (email_hash);
