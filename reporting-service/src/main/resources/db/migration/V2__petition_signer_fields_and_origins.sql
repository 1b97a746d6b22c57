-- Which optional signer fields a petition requires (SignerField names) and which web origins may embed it
alter table reporting.petition
    add column required_fields text[] not null default '{}',
    add column allowed_origins text[] not null default '{}';
