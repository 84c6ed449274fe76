-- Updates as received, stored before their offset is confirmed to Telegram. The payload (which may hold a
-- message's words) is cleared as soon as the update is handled; the id stays a day to recognise repeats.
create table inbox (
    update_id    bigint    not null primary key,
    payload      clob,
    received_at  timestamp not null,
    handled_at   timestamp
);
create index inbox_unhandled on inbox (handled_at, update_id);
