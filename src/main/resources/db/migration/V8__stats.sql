-- How many questions the knowledge base answered, per day, article, country and language: counted in memory
-- and added here about once a minute (several rows per key are summed). Never who asked or what.
create table knowledge_answer_count (
    answered_on date        not null,
    article_id  varchar(80) not null,
    country     varchar(5),
    language    varchar(2)  not null,
    answers     int         not null
);
create index knowledge_answer_count_by_day on knowledge_answer_count (answered_on);
create index unanswered_question_by_time on unanswered_question (asked_at);
create index article_feedback_by_time on article_feedback (created_at);

-- When a volunteer first answered, for the median time to a first reply.
alter table ticket add column first_reply_at timestamp;
