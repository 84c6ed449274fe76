-- When Telegram first told us the user blocked the bot; their data is forgotten after a grace period.
alter table profile add column blocked_at timestamp;
