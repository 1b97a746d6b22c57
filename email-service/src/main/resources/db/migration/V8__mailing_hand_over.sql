-- When the worker began handing an organizer update to the SMTP server, as email.outbox does for receipts. A worker
-- that stalls past its lease (a long pause, a hung network) may still deliver what it handed over: whoever takes
-- the mailing over sets such a recipient aside as UNCERTAIN instead of sending it a second copy.
alter table email.mailing_recipient add column handed_over_at timestamptz;
