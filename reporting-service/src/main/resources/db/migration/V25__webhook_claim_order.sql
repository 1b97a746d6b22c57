-- The delivery worker's claim (DeliveryOutbox.CLAIM) costs the same with 100 or 100,000 webhooks queued: it reads a
-- window of an endpoint's oldest due deliveries along the first index, then asks of each whether it is its subject's
-- oldest pending one along the second. That index holds pending deliveries only, so that it is the one PostgreSQL
-- takes for the question even before it has statistics of a fast-growing table; over every delivery of the endpoint
-- it lost to webhook_delivery_due, and each question read every pending row of the endpoint.
create index webhook_delivery_pending_in_order on reporting.webhook_delivery (endpoint_id, id) where status = 'PENDING';
drop index reporting.webhook_delivery_subject;
create index webhook_delivery_pending_of_subject on reporting.webhook_delivery (endpoint_id, ordering_key, id)
    where status = 'PENDING';
