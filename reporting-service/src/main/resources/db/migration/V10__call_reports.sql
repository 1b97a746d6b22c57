-- Each call report counted, by the signer's idempotency key: a replayed or retried report finds its row and
-- counts nothing
create table reporting.counted_call (
    report_id     uuid        primary key,
    petition_slug text        not null,
    target_name   text        not null,
    outcome       text        not null,
    reported_at   timestamptz not null,
    counted_at    timestamptz not null
);

-- Calls per petition, target and outcome, raised in the same statement that records the reports
create table reporting.call_count (
    petition_slug text   not null,
    target_name   text   not null,
    outcome       text   not null,
    calls         bigint not null default 0,
    primary key (petition_slug, target_name, outcome)
);
