-- Issue 21: the language the victim prefers (English or Welsh) for letters, messages and the feedback form, on the
-- contact plan. Null when it was not asked; the feedback link then opens in the force's language for public pages.
alter table victim_contact_plan add column language text check (language in ('en', 'cy'));
