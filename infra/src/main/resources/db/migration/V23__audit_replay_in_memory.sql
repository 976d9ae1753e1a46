-- The auditor's replay counts in its own memory since this version (docs/royalties.md, "Auditor's replay"):
-- its work tables are gone. Jobs stay in audit_replay_job.
drop table audit_replay_usage;
drop table audit_replay_share;
drop table audit_replay_artist;
