-- Issue 21: the language a user chose (English or Welsh), remembered on the account so that it follows them to any
-- computer they sign in on. Null until they choose; pages then follow the browser's choice.
alter table app_user add column language text check (language in ('en', 'cy'));
