-- An organizer's update to a petition's subscribers, sent in the background at a throttled rate. The lease
-- names the worker sending it: a worker that dies stops renewing it, and any instance takes over once it expires.
create table email.mailing (
    id            uuid primary key,
    petition_slug text        not null,
    subject       text        not null,
    -- sanitized once, when the update is posted: every recipient gets the same body
    html_body     text        not null,
    text_body     text        not null,
    -- QUEUED, SENDING or FINISHED
    status        text        not null,
    created_at    timestamptz not null,
    started_at    timestamptz,
    finished_at   timestamptz,
    lease_owner   uuid,
    lease_until   timestamptz
);
create index mailing_unfinished on email.mailing (created_at) where status <> 'FINISHED';

-- Everyone an update goes to, chosen when it is posted. One row per person and update: nobody gets it twice,
-- and after a crash the rows tell who is still due.
create table email.mailing_recipient (
    mailing_id      uuid        not null references email.mailing (id),
    email_hash      text        not null references email.person (email_hash),
    -- PENDING; SENDING while handed to SMTP; then SENT, SKIPPED (suppressed at send time) or FAILED
    status          text        not null default 'PENDING',
    attempts        int         not null default 0,
    last_error      text,
    next_attempt_at timestamptz not null,
    sent_at         timestamptz,
    primary key (mailing_id, email_hash)
);
create index mailing_recipient_due on email.mailing_recipient (mailing_id, next_attempt_at)
    where status in ('PENDING', 'SENDING');

-- Choosing recipients asks whether a consent was withdrawn after it was given
create index subscription_event_person on email.subscription_event (email_hash);
