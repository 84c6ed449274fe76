-- A host an admin blocked (#18): the id and the day, nothing else. It outlives the person's /forget (and their
-- profile's purge), so that no invitation makes them a host again and an admin's /addhost hears of the block;
-- deleted when an admin approves them again, and relohelp.housing.block-kept (365 days) after the block.
create table housing_block (
    user_id     bigint not null primary key,
    blocked_on  date   not null
);
-- hosts blocked before this table: the day of the block was not kept, so it counts from this migration's day
insert into housing_block (user_id, blocked_on) select user_id, current_date from housing_host where blocked;
