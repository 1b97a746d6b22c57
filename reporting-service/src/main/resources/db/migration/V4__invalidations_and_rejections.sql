-- An invalidated signature id keeps its row here with invalidated_at set. An id invalidated before its
-- accepted event arrives gets a row without counted_at, so the accepted event finds the id taken and never
-- counts it. Both events write the same row, so PostgreSQL's unique key orders them whatever their arrival.
alter table reporting.counted_signature
    alter column counted_at drop not null,
    add column invalidated_at timestamptz;

-- Counted signatures struck out since: the public total is accepted - invalidated
alter table reporting.petition_total add column invalidated bigint not null default 0;

-- One row per rejected submission id, so a replayed rejection counts once
create table reporting.rejected_submission (
    submission_id uuid primary key,
    petition_slug text        not null,
    reason        text        not null,
    recorded_at   timestamptz not null
);
create index rejected_submission_by_petition on reporting.rejected_submission (petition_slug, reason);
