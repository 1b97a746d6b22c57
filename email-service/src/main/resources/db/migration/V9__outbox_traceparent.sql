-- The W3C traceparent of the record that queued the message (null when tracing is off), so that its sending,
-- however much later, is traced as part of the signature's trace.
alter table email.outbox add column traceparent text;
