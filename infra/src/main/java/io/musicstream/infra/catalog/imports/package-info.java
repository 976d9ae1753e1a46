/**
 * Bulk catalog import: a file of JSON lines in, a stream of NDJSON progress lines out.
 *
 * <h2>File format</h2>
 * UTF-8, one JSON object per line (lines end in {@code \n} or {@code \r\n}; blank lines are skipped; a line
 * may hold at most 4 MB). Every object has a {@code kind}:
 * <pre>
 * {"kind":"artist","artistId":"sigur-ros","name":"Sigur Rós"}
 * {"kind":"release","upc":"5033197315629","title":"Ágætis byrjun","releaseType":"ALBUM","artistIds":["sigur-ros"],
 *  "label":"FatCat","releaseDate":"1999-06-12","genres":["post-rock"],"tracks":[{"isrc":"GBBKS9900101",...}]}
 * </pre>
 * <ul>
 * <li>{@code artist}: {@code artistId} (1–200 of {@code [A-Za-z0-9._:-]}) becomes the artist's id, so that
 *     releases in the file can name it; {@code name} (1–300 characters). An id that is already registered is
 *     left as it is and counted as unchanged.</li>
 * <li>{@code release}: exactly the fields of the body of {@code POST /api/v1/releases} ({@code upc, title,
 *     releaseType, artistIds, label, releaseDate, genres, artworkUrl, tracks[{isrc, title, durationMs,
 *     discNumber, trackNumber, explicit, artistIds, audioFeatures, territories, rightsHolders[{partyId, name,
 *     role, shareBasisPoints}]}]}), checked by the same rules. The release id derives from the UPC and each
 *     track id from UPC and ISRC, as there, so a file imported again reaches the same aggregates: the same
 *     content writes no event, changed content writes only the changes.</li>
 * </ul>
 * Artists must come before the releases that name them. {@link io.musicstream.tools.catalog.SyntheticCatalog}
 * writes files of this format; {@link io.musicstream.command.catalog.web.CatalogJson} writes single lines.
 *
 * <h2>Endpoint and answer</h2>
 * {@code POST /api/v1/catalog/imports} with {@code Content-Type: application/x-ndjson} (curators and admins)
 * reads the body as a stream and answers 200 with NDJSON, written as it goes (about every second, or every
 * thousand lines):
 * <pre>
 * {"progress":{"lines":1200,"artists":12,"releases":100,"updated":0,"unchanged":0,"failed":1,"tracks":950}}
 * {"error":{"line":17,"status":422,"upc":"5033197315629","errors":["tracks[1].isrc GBBKS9900101 appears more than once"]}}
 * {"done":{"lines":...,"artists":...,"releases":...,"updated":...,"unchanged":...,"failed":...,"tracks":...,"seconds":12.5,"tracksPerSecond":880.2}}
 * </pre>
 * {@code artists} counts artists registered, {@code releases} releases new to the catalog, {@code updated}
 * releases that existed and whose changes were written, {@code unchanged} lines that wrote nothing because
 * the catalog already held them (told from the release's last event sequence number before and after its
 * command), {@code failed} refused lines, {@code tracks} the tracks of every accepted release. A refused
 * line never stops the import; its {@code error} names the line and every fault, with the status the
 * single-release endpoint would have answered (400 malformed or invalid, 404, 409, 413 a line too long,
 * 422 against the release rules such as shares not summing to 100%, a duplicate ISRC or an unknown artist,
 * 503 a backing server away: import the line again). The last line is {@code done}, or {@code aborted}
 * (with the totals so far and a {@code reason}) when the body could not be read to its end.
 *
 * <p>{@link io.musicstream.tools.catalog.CatalogImportCli} sends a file from the command line.
 */
package io.musicstream.infra.catalog.imports;
