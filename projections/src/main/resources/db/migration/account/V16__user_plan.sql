-- The plan a user pays for; a user without a PlanChanged is on FREE.
alter table user_account add column plan varchar(16) not null default 'FREE' check (plan in ('FREE', 'PREMIUM'));
