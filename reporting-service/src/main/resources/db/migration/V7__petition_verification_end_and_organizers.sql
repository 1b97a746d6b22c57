-- Whether only signatures with a confirmed email address count (double opt-in)
alter table reporting.petition add column verified_signatures_only boolean not null default false;
-- When signing closes; null = no end date
alter table reporting.petition add column ends_at timestamptz;
-- Who receives delivery reports at milestones
alter table reporting.petition add column organizer_emails text[] not null default '{}';
