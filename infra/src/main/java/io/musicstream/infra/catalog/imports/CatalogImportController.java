package io.musicstream.infra.catalog.imports;

import io.musicstream.infra.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/catalog/imports}: a catalog file of JSON lines in ({@code application/x-ndjson}, read as
 * it arrives, up to {@code music.http.max-import-size}), NDJSON progress out, written as it goes. The format
 * and the answer are described in {@link io.musicstream.infra.catalog.imports}. At most
 * {@code music.catalog.import.max-running} imports run at once; another gets 429 with Retry-After.
 */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasAnyRole('CURATOR','ADMIN')")
public class CatalogImportController {

    public static final String PATH = "/api/v1/catalog/imports";
    public static final String NDJSON = "application/x-ndjson";
    private static final Logger log = LoggerFactory.getLogger(CatalogImportController.class);

    private final CatalogImporter importer;
    private final Problems problems;
    private final Semaphore running;

    public CatalogImportController(CatalogImporter importer, Problems problems,
                                   @Value("${music.catalog.import.max-running:2}") int maxRunning) {
        this.importer = importer;
        this.problems = problems;
        this.running = new Semaphore(Math.max(1, maxRunning));
    }

    @PostMapping(path = "/catalog/imports", consumes = NDJSON)
    public void importCatalog(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!running.tryAcquire()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "30");
            problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many imports",
                    "other catalog imports are running; retry when one has finished");
            return;
        }
        try {
            response.setStatus(HttpStatus.OK.value());
            response.setContentType(NDJSON);
            response.setCharacterEncoding("UTF-8");
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setHeader("X-Accel-Buffering", "no");
            CatalogImporter.Totals totals = importer.run(request.getInputStream(), response.getOutputStream());
            log.info("catalog import done: {}", totals);
        } catch (CatalogImporter.ClientGoneException gone) {
            log.info("catalog import stopped: {} ({})", gone.getMessage(),
                    gone.getCause() == null ? "-" : gone.getCause().toString());
        } finally {
            running.release();
        }
    }
}
