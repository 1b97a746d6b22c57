-- When the signer confirmed their address (signatures.verified). A verification that arrives before its accepted
-- event leaves a row without counted_at and without invalidated_at: the accepted event then counts that row, as
-- verified, while a row with invalidated_at (struck out first) is never counted.
alter table reporting.counted_signature add column verified_at timestamptz;

-- Counted signatures whose signer confirmed the address and that are not invalidated
alter table reporting.petition_total add column verified bigint not null default 0;

-- The public total: on a petition that counts only confirmed signatures, those; elsewhere all that stand
create function reporting.public_total(verified_only boolean, accepted bigint, invalidated bigint, verified bigint)
    returns bigint language sql immutable
    return case when verified_only then verified else accepted - invalidated end;
