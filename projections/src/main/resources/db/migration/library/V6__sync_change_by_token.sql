-- Retention prunes sync_change by token (SyncRetention): rows arrive in near token order, so a block-range
-- index finds the old ones without scanning the table and costs writes almost nothing.
create index sync_change_token on sync_change using brin (token);
