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
    status         text        not null default 'PENDING',
    attempts       int         not null default 0,
    last_error     text,
    created_at     timestamptz not null,
    claimed_at     timestamptz,
    sent_at        timestamptz,
    primary key (kind, email_hash, reference)
);
create index outbox_unsent on email.outbox (created_at) where status <> 'SENT';

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
