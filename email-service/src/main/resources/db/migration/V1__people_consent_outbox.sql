-- One row per canonical email address; the HMAC hash is the key every topic uses.
create table email.person (
    email_hash          text primary key,
    email               text        not null,
    -- null: never opted in; otherwise SUBSCRIBED, UNSUBSCRIBED, BOUNCING or SPAM_COMPLAINT
    subscription_status text,
    status_changed_at   timestamptz,
    created_at          timestamptz not null,
    updated_at          timestamptz not null
);

-- Evidence of each opt-in: which wording, when, where. Keyed by signature id so a replay adds nothing.
create table email.consent (
    signature_id  uuid primary key,
    email_hash    text        not null references email.person (email_hash),
    petition_slug text        not null,
    text_version  text,
    source_url    text,
    client_ip     text,
    given_at      timestamptz not null
);

-- Every message is recorded before it is sent; the key makes "at most one per kind, person and reference".
create table email.outbox (
    kind           text        not null,
    email_hash     text        not null references email.person (email_hash),
    reference      text        not null,
    given_name     text,
    petition_title text,
    status          text        not null default 'PENDING',
    -- failed attempts so far; each one pushes next_attempt_at further out
    attempts        int         not null default 0,
    last_error      text,
    created_at      timestamptz not null,
    next_attempt_at timestamptz not null,
    -- who is sending it: a sender that lost its claim (taken over as stale) cannot overwrite the outcome
    claim_token     uuid,
    claimed_at      timestamptz,
    sent_at         timestamptz,
    primary key (kind, email_hash, reference)
);
create index outbox_due on email.outbox (next_attempt_at) where status in ('PENDING', 'SENDING');

-- Status changes to announce on the subscriptions topic, written in the transaction that makes them and
-- relayed afterwards: a change is never committed without being announced, nor announced without a commit.
create table email.subscription_event (
    id           bigserial primary key,
    email_hash   text        not null,
    status       text        not null,
    source       text        not null,
    changed_at   timestamptz not null,
    published_at timestamptz
);
create index subscription_event_unpublished on email.subscription_event (id) where published_at is null;
