-- A CLOB goes through H2's separate LOB storage on every insert and clear; an update is a few kilobytes.
alter table inbox alter column payload varchar(1000000);
