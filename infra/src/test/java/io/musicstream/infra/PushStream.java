package io.musicstream.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The caller's sync push stream ({@code GET /api/v1/me/sync/stream}) read in the background: the data lines of
 * its events, and when it ended.
 */
public record PushStream(BlockingQueue<String> events, CompletableFuture<Void> ended) {

    public static PushStream listen(int port, String bearer) {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        CompletableFuture<Void> ended = new CompletableFuture<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me/sync/stream"))
                .header("Authorization", "Bearer " + bearer).header("Accept", "text/event-stream").build();
        HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenAccept(response -> {
                    try (BufferedReader reader = new BufferedReader(
                            new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = reader.readLine()) != null) {
                            if (line.startsWith("data:")) {
                                events.add(line.substring(5).strip());
                            }
                        }
                    } catch (IOException ignored) {
                        // the stream was cut
                    }
                    ended.complete(null);
                });
        return new PushStream(events, ended);
    }
}
