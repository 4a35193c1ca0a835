-- Issue 23, ADR 24: a research extract's pseudonyms are its own unless the approved project needs to follow crimes
-- and people across its extracts; then every extract uses the project's key and the generalisation fixed at the
-- project's first release (column=level pairs), so that two extracts joined give nothing finer than either.
alter table research_project add column linked_extracts boolean not null default false;
alter table research_project add column fixed_levels text;
