-- When the sender began handing the message to the SMTP server. A claim that goes stale after this point belongs
-- to a sender that died mid-conversation: the server may have taken the message, so it is not sent again.
alter table email.outbox add column handed_over_at timestamptz;
