package io.musicstream.benchmarks;

import io.musicstream.infra.catalog.imports.CatalogImporter;
import io.musicstream.tools.catalog.SyntheticCatalog;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.springframework.context.ApplicationContext;

/** A synthetic catalog (the file is kept under .run/bench for the next run) imported through the command side. */
final class BenchCatalog {

    private BenchCatalog() {
    }

    static CatalogImporter.Totals imported(ApplicationContext context, long tracks, long seed) throws IOException {
        Path file = Path.of(".run", "bench", "catalog-" + tracks + "-" + seed + ".jsonl");
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            long t0 = System.nanoTime();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
                SyntheticCatalog.write(seed, tracks, out);
            }
            System.out.printf(Locale.ROOT, "generated %s in %.1f s%n", file, (System.nanoTime() - t0) / 1e9);
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
            return context.getBean(CatalogImporter.class).run(in, OutputStream.nullOutputStream());
        }
    }
}
