-- The four listening processors (listening-me, -charts, -analytics, -popularity) became one, `listening`, which
-- starts from the first event: their read models are emptied here so that it rebuilds them (as a replay does).
truncate me_recent_play, me_daily_stream, me_weekly_stream, me_total_stream,
         chart_stream, chart_period, chart_entry, chart_trending,
         analytics_track_day, analytics_artist_day,
         popularity_streams, popularity_listener, popularity, popularity_scale;
delete from token_entry
where processor_name in ('listening-me', 'listening-charts', 'listening-analytics', 'listening-popularity');
delete from dead_letter_entry
where processing_group in ('listening-me', 'listening-charts', 'listening-analytics', 'listening-popularity');
