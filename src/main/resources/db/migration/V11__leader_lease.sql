-- Several instances in webhook mode share one database; the one holding this lease (the leader) handles updates
-- and runs the scheduled jobs. One row, taken and renewed by a conditional update; it starts expired.
create table leader_lease (
    name        varchar(40)  not null primary key,
    holder      varchar(100),
    expires_at  timestamp    not null
);
insert into leader_lease (name, holder, expires_at) values ('bot', null, timestamp '2000-01-01 00:00:00');
