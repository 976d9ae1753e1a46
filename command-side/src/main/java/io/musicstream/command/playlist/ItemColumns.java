package io.musicstream.command.playlist;

import com.fasterxml.jackson.databind.util.StdConverter;
import io.musicstream.events.playlist.PlaylistItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A playlist's items as its snapshot stores them: one column per field, with who added them and when as
 * indexes into lists of the distinct values (items added together share both). A quarter of the size of
 * one JSON object per item, and a tenth of the time to read (PlaylistTimingTest).
 */
record ItemColumns(List<String> itemIds, List<String> trackIds, List<String> people, int[] addedBy,
                   List<Instant> times, int[] addedAt) {

    static final class FromItems extends StdConverter<ArrayList<PlaylistItem>, ItemColumns> {

        @Override
        public ItemColumns convert(ArrayList<PlaylistItem> items) {
            List<String> itemIds = new ArrayList<>(items.size());
            List<String> trackIds = new ArrayList<>(items.size());
            Map<String, Integer> people = new HashMap<>();
            Map<Instant, Integer> times = new HashMap<>();
            List<String> peopleList = new ArrayList<>();
            List<Instant> timeList = new ArrayList<>();
            int[] addedBy = new int[items.size()];
            int[] addedAt = new int[items.size()];
            for (int i = 0; i < items.size(); i++) {
                PlaylistItem item = items.get(i);
                itemIds.add(item.itemId());
                trackIds.add(item.trackId());
                addedBy[i] = people.computeIfAbsent(item.addedBy(), who -> {
                    peopleList.add(who);
                    return peopleList.size() - 1;
                });
                addedAt[i] = times.computeIfAbsent(item.addedAt(), when -> {
                    timeList.add(when);
                    return timeList.size() - 1;
                });
            }
            return new ItemColumns(itemIds, trackIds, peopleList, addedBy, timeList, addedAt);
        }
    }

    static final class ToItems extends StdConverter<ItemColumns, ArrayList<PlaylistItem>> {

        @Override
        public ArrayList<PlaylistItem> convert(ItemColumns columns) {
            ArrayList<PlaylistItem> items = new ArrayList<>(columns.itemIds().size());
            for (int i = 0; i < columns.itemIds().size(); i++) {
                items.add(new PlaylistItem(columns.itemIds().get(i), columns.trackIds().get(i),
                        columns.people().get(columns.addedBy()[i]), columns.times().get(columns.addedAt()[i])));
            }
            return items;
        }
    }
}
