-- The last question a person asked the bot (#15), kept so that "Ask a volunteer" under its answer can send it as the
-- ticket's description instead of asking for it again: one row per person, the person's message id (an answer's
-- button below it belongs to it), the text, the language of the answer and the country it is about. Deleted when a
-- ticket is made, when relohelp.handoff.question-kept (1 hour) has passed, and on /forget.
create table held_question (
    user_id     bigint        not null primary key,
    message_id  int           not null,
    question    varchar(4000) not null,
    language    varchar(2)    not null,
    country     varchar(5),
    created_at  timestamp     not null
);
create index held_question_by_time on held_question (created_at);
