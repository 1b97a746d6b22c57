-- The key reporting-service signs the pipeline's access tokens with (docs/organizations.md#one-identity). Made by the
-- first instance that starts, under an advisory lock, and shared by every instance; only its public half leaves the
-- database (GET /.well-known/jwks.json). Whoever can read this table can sign tokens: it is as secret as the table of
-- API token hashes next to it, and backed up (and restricted) with the rest of the database.
create table reporting.signing_key (
    kid         text        primary key,
    private_key bytea       not null,
    public_key  bytea       not null,
    created_at  timestamptz not null
);

-- Petitions now carry their organization on the catalog topic, for email-service to check who may mail their
-- signers: publish every petition once more.
update reporting.petition set published_at = null;
