-- A new offer's draft set aside (#18): a host in the middle of /offer who starts a search, a request, /myoffers or
-- another command keeps what they wrote; /offer picks it up where they left it. The columns of housing_step, one
-- per host; deleted when picked up, on /forget, when they stop being a host, and 30 days after it was last touched.
create table housing_offer_aside (
    user_id          bigint       not null primary key,
    step             varchar(20)  not null,
    offer_id         bigint,
    back_to_preview  boolean      not null,
    country          varchar(2),
    city             varchar(64),
    kind             varchar(8),
    people           int,
    date_from        date,
    date_to          date,
    price            int,
    price_per        varchar(8),
    currency         varchar(3),
    children         boolean,
    pets             boolean,
    smoking          boolean,
    description      varchar(500),
    language         varchar(2)   not null,
    created_at       timestamp    not null
);
