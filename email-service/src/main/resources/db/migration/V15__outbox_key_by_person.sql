-- The mail queue's key leads with the person, so the key's own index serves the lookups by person (an erasure, an
-- export) and the separate index on email_hash goes: one index fewer to write for every message queued and for every
-- change of its state that moves it to a new row version (a receipt is written four times on its way out).
alter table email.outbox drop constraint outbox_pkey;
alter table email.outbox add primary key (email_hash, kind, reference);
drop index email.outbox_person;
-- Room on each page for a message's next version: an update that changes no indexed column (the start of the
-- hand-over, a claim's renewal) can then stay on its page (a HOT update) and write no index entry at all.
alter table email.outbox set (fillfactor = 80);
