-- One database and one role per service (database per service); run once by the postgres image.
-- Passwords here are for a local docker compose run only; production sets its own.
create role fupin_household login password 'fupin_household';
create role fupin_assistance login password 'fupin_assistance';
create role fupin_reporting login password 'fupin_reporting';
create role fupin_webhook login password 'fupin_webhook';
create database fupin_household owner fupin_household;
create database fupin_assistance owner fupin_assistance;
create database fupin_reporting owner fupin_reporting;
create database fupin_webhook owner fupin_webhook;
