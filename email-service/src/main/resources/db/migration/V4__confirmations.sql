-- Double opt-in: one row per signature whose signer must confirm their address, keyed by the signature id so
-- that a replay asks nothing twice.
create table email.confirmation (
    signature_id     uuid primary key,
    email_hash       text        not null references email.person (email_hash),
    petition_slug    text        not null,
    given_name       text,
    petition_title   text,
    requested_at     timestamptz not null,
    confirmed_at     timestamptz,
    reminders_sent   int         not null default 0,
    -- when the next reminder is due; null once confirmed, or when no reminder is left
    next_reminder_at timestamptz
);
create index confirmation_reminder_due on email.confirmation (next_reminder_at) where next_reminder_at is not null;

-- Confirmations to announce on signatures.verified, written in the transaction that confirms and relayed
-- afterwards, like subscription changes.
create table email.verification_event (
    id            bigserial primary key,
    signature_id  uuid        not null,
    petition_slug text        not null,
    email_hash    text        not null,
    verified_at   timestamptz not null,
    published_at  timestamptz
);
create index verification_event_unpublished on email.verification_event (id) where published_at is null;
