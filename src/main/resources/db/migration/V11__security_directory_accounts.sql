-- Accounts signed in through the force's directory (OpenID Connect): their role follows their
-- directory groups; they have no usable Soteria password.
alter table app_user add column directory boolean not null default false;
