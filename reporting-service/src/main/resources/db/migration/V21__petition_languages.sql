-- Petitions in several languages: the language the petition is written in, what a signer's share offers to post,
-- and the petition in further languages (a JSON object of PetitionTranslation by language).
alter table reporting.petition
    add column language text not null default 'en',
    add column share_text text,
    add column translations jsonb not null default '{}';
