-- People's names, contact details and addresses are encrypted at rest (ADR 8): the columns keep their
-- names but hold AES-GCM ciphertext once encrypted is true. Rows written before this version are
-- encrypted by the application at its next start (PersonEncryptionBackfill), since the key never
-- reaches the database. Search uses keyed hashes of the normalised given and family names, so the
-- prefix indexes on the plaintext names go.
drop index person_family_given_name;
drop index person_given_name;

alter table person
    add column encrypted         boolean not null default false,
    add column key_id            text,
    add column given_name_index  text,
    add column family_name_index text,
    add column fields_mac        text;

create index person_family_name_index on person (family_name_index);
create index person_given_name_index on person (given_name_index);
create index person_not_encrypted on person (id) where not encrypted;
create index person_encryption_key on person (key_id);
