-- Calls by the caller's region too (ISO 3166-2, as the signature's answer told the embed). Reports counted before
-- regions were reported, and those whose caller's region was unknown, are in the 'unknown' bucket, as in
-- breakdown_count. The primary key takes the region in, so a count is kept per target, outcome and region.
alter table reporting.counted_call add column region text;

alter table reporting.call_count add column region text not null default 'unknown';
alter table reporting.call_count drop constraint call_count_pkey;
alter table reporting.call_count add primary key (petition_slug, target_name, outcome, region);

-- A delivery report counts the calls of its petition up to its as_of
create index counted_call_in_report on reporting.counted_call (petition_slug, counted_at);
