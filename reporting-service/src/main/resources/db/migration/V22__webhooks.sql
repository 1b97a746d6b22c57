-- Outgoing webhooks (docs/webhooks.md). An organization's endpoints, each with the event types it subscribes to and
-- its signing secret, kept in the clear since every delivery is signed with it; after a rotation the replaced secret
-- signs too until previous_secret_until. failing_since is the first failure since the last success: an endpoint
-- failing for reporting.webhooks.disable-after is disabled (disabled_at, disabled_reason). batch_size: the most
-- events one POST carries (1: one event per POST, as an object; more: a JSON array).
create table reporting.webhook_endpoint (
    id                    uuid        primary key,
    organization          text        not null references reporting.organization,
    url                   text        not null,
    event_types           text[]      not null,
    batch_size            int         not null default 1,
    secret                text        not null,
    previous_secret       text,
    previous_secret_until timestamptz,
    created_at            timestamptz not null,
    failing_since         timestamptz,
    disabled_at           timestamptz,
    disabled_reason       text
);
create index webhook_endpoint_of_organization on reporting.webhook_endpoint (organization);

-- The delivery outbox: one row per event and endpoint, written by the consumers in the transaction that counts the
-- event (the unique key makes a replayed batch add nothing). event_id is the webhook-id receivers deduplicate on:
-- the same on every attempt. The payload is rendered at each attempt from reporting's own tables, so an erasure
-- reaches a webhook not yet delivered and this table holds no personal data. The petition and the email hash order a
-- person's events: only the oldest undelivered one of a person is ever claimed; an erasure replaces the hash with a
-- random stand-in (the same for all the person's rows, so their order holds). claimed_until is a worker's lease.
create table reporting.webhook_delivery (
    id                bigserial   primary key,
    endpoint_id       uuid        not null references reporting.webhook_endpoint on delete cascade,
    event_id          uuid        not null,
    event_type        text        not null,
    signature_id      uuid        not null,
    petition_slug     text        not null,
    email_hash        text        not null,
    occurred_at       timestamptz not null,
    status            text        not null default 'PENDING',
    attempts          int         not null default 0,
    first_attempt_at  timestamptz,
    last_attempt_at   timestamptz,
    next_attempt_at   timestamptz not null,
    claimed_until     timestamptz,
    last_status       int,
    last_error        text,
    last_latency_ms   int,
    response_excerpt  text,
    unique (endpoint_id, event_id)
);
create index webhook_delivery_due on reporting.webhook_delivery (endpoint_id, next_attempt_at) where status = 'PENDING';
create index webhook_delivery_person on reporting.webhook_delivery (endpoint_id, petition_slug, email_hash, id)
    where status = 'PENDING';
create index webhook_delivery_of_person on reporting.webhook_delivery (email_hash);
