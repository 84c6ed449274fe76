-- PostgreSQL has no CLOB: V1, V3 and V5 declare "clob" columns, and their text cannot change (H2 databases
-- in service hold their checksums). A domain over text lets those scripts run here unchanged. It lives in
-- the schema Flyway migrates, before V1, and stays for any later script that says "clob".
create domain clob as text;
