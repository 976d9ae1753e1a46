package io.musicstream.infra.playlist.imports;

import io.musicstream.query.playlist.formats.PlaylistFormats;
import io.musicstream.query.playlist.formats.PlaylistReadLimits;
import io.musicstream.query.playlist.formats.TrackUrls;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The playlist file formats: exported track locations under {@code music.public-url} (the address clients reach the
 * API at), imports up to {@code music.http.max-playlist-import-size} and 10,000 entries.
 */
@Configuration(proxyBeanMethods = false)
class PlaylistFormatsConfig {

    @Bean
    PlaylistFormats playlistFormats(@Value("${music.public-url:http://localhost:8080}") String publicUrl,
                                    @Value("${music.http.max-playlist-import-size:8MB}") DataSize maxImport) {
        return new PlaylistFormats(new TrackUrls(publicUrl), PlaylistReadLimits.DEFAULT.withMaxBytes(maxImport.toBytes()));
    }
}
