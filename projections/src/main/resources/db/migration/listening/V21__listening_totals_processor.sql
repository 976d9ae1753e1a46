-- Charts, analytics and popularity moved from the `listening` processor to their own, `listening-totals`, which
-- starts from the first event: their tables are emptied here so that it rebuilds them (as a replay does). The
-- listener's own tables stay with `listening`, whose token stays.
truncate chart_stream, chart_period, chart_entry, chart_trending,
         analytics_track_day, analytics_artist_day,
         popularity_streams, popularity_listener, popularity, popularity_scale;
