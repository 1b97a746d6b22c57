-- When a signer row last changed as the OSDI pull API shows it (docs/osdi.md): set when the row is recorded, and
-- again when its signature is verified or invalidated (counted_signature) or its data is erased (an erasure or the
-- petition's retention). CRMs sync with "modified_date gt '…'" and page in (modified_at, signature_id) order.
alter table reporting.signer add column modified_at timestamptz;
-- Rows from before this version: the latest of the changes still on record
update reporting.signer s
set modified_at = greatest(s.signed_at, s.erased_at, c.verified_at, c.invalidated_at)
from reporting.counted_signature c where c.signature_id = s.signature_id;
update reporting.signer set modified_at = greatest(signed_at, erased_at) where modified_at is null;
alter table reporting.signer alter column modified_at set not null, alter column modified_at set default now();
create index signer_in_change_order on reporting.signer (petition_slug, modified_at, signature_id);
