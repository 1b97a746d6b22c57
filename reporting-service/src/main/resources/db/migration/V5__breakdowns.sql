-- Where each counted signature was added in the breakdowns, so that an invalidation takes it off the same rows
-- whatever the breakdowns look like by then. Rows counted before this version have none: they were never in a
-- breakdown, and their invalidation takes nothing off one.
alter table reporting.counted_signature
    add column country     text,
    add column region      text,
    add column accepted_at timestamptz;

-- Counted signatures by country (ISO 3166-1 alpha-2), region (ISO 3166-2) and hour of acceptance (UTC), each
-- kept like petition_total: accepted, and invalidated of those since. 'unknown' where the signature has no value.
create table reporting.breakdown_count (
    petition_slug text   not null,
    dimension     text   not null check (dimension in ('country', 'region', 'hour')),
    bucket        text   not null,
    accepted      bigint not null default 0,
    invalidated   bigint not null default 0,
    primary key (petition_slug, dimension, bucket)
);

-- The breakdown rows one signature belongs to; the counting and the invalidation statement both use it, so
-- they can never disagree on where a signature was added. Hours are written as ISO-8601 instants, which sort
-- in time order.
create function reporting.breakdown_buckets(country text, region text, accepted_at timestamptz)
    returns table (dimension text, bucket text)
    language sql stable
as $$
    values ('country', country),
           ('region', region),
           ('hour', to_char(date_trunc('hour', accepted_at at time zone 'UTC'), 'YYYY-MM-DD"T"HH24":00:00Z"'))
$$;
