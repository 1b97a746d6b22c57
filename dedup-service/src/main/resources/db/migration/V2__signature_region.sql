-- Where the signer lives as an ISO 3166-2 code (US-DC), derived from the postal code, for delivery breakdowns
alter table dedup.signature add column region text;
