-- The sends made while handling an update, so an update handled again after a crash does not repeat them.
-- A row is written just before the send's HTTP call ('sending'), turned to 'waiting' when the call failed and
-- will be retried, and dropped with the others when the update is handled. Ids only, never words.
create table sent (
    update_id    bigint      not null,
    seq          int         not null,
    state        varchar(8)  not null,
    primary key (update_id, seq)
);
