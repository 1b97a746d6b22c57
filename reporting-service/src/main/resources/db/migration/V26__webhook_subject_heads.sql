-- The delivery worker claims only a subject's oldest pending webhook (docs/webhooks.md, "order"). Which one that is
-- is now kept on the row, head, rather than asked at each claim: asked at each claim, the question cost PostgreSQL
-- time that grew with the backlog (docs/benchmarks/webhooks.md). A row is queued as its subject's head when the
-- subject has no pending webhook at that endpoint; when a head is delivered or fails for good, the subject's next
-- pending one becomes head in the same transaction. A queueing that races with that completion can leave a subject
-- with pending webhooks and no head; DeliveryOutbox.promoteHeadless, run every few seconds, repairs that.
alter table reporting.webhook_delivery add column head boolean not null default false;
update reporting.webhook_delivery d set head = true
where d.status = 'PENDING'
  and d.id = (select min(o.id) from reporting.webhook_delivery o
              where o.endpoint_id = d.endpoint_id and o.ordering_key = d.ordering_key and o.status = 'PENDING');

-- What a claim reads: the endpoint's due heads, soonest due first; rows due later are never read.
create index webhook_delivery_claimable on reporting.webhook_delivery (endpoint_id, next_attempt_at, id)
    where status = 'PENDING' and head;
-- What the repair reads: the webhooks waiting behind their subject's head, few unless a receiver is down.
create index webhook_delivery_waiting on reporting.webhook_delivery (endpoint_id, ordering_key, id)
    where status = 'PENDING' and not head;
drop index reporting.webhook_delivery_due;
drop index reporting.webhook_delivery_pending_in_order;
