-- Retention: a closed petition's signer rows are anonymized once its period after closing ran out.
-- retention_days: the organizer's period when shorter than the deployment's (reporting.retention.after-close); null
-- for the deployment's. closed_at: when the organizer closed it; updated_at cannot say, an edit after the close moves
-- it. anonymized_at: when the retention job anonymized the signer rows. anonymized_published_at: when
-- petitions.anonymized acknowledged that (the relay's work list, null until then).
alter table reporting.petition
    add column retention_days          integer check (retention_days > 0),
    add column closed_at               timestamptz,
    add column anonymized_at           timestamptz,
    add column anonymized_published_at timestamptz;
-- Petitions closed before this version: the last change is the best record left of the close, and no earlier
update reporting.petition set closed_at = updated_at where status = 'CLOSED';
alter table reporting.petition
    add constraint petition_closed_has_closed_at check ((status = 'CLOSED') = (closed_at is not null));
create index petition_awaiting_anonymization on reporting.petition (closed_at)
    where status = 'CLOSED' and anonymized_at is null;
create index petition_anonymized_unpublished on reporting.petition (anonymized_at)
    where anonymized_at is not null and anonymized_published_at is null;
