package io.musicstream.devservices;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Where the build put the servers' Maven Central artifacts: read from the filtered classpath resource
 * {@code devservices/artifacts.properties}. Each entry can be overridden with a system property
 * {@code devservices.<key>} (e.g. {@code -Ddevservices.kafka.classpath=...}). When the resource was not filtered, the
 * files are looked up in {@code <dir>/devservices/} next to the classes directory, under {@code
 * -Ddevservices.artifacts.dir}, or in {@code dev-services/target/devservices} above the working directory.
 */
final class Artifacts {

    static final String RESOURCE = "devservices/artifacts.properties";

    private final Properties properties;

    private Artifacts(Properties properties) {
        this.properties = properties;
    }

    static Artifacts load() {
        Properties p = new Properties();
        try (InputStream in = Artifacts.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new DevServicesException("Could not read classpath resource " + RESOURCE, e);
        }
        return new Artifacts(p);
    }

    Path postgresBinaries() {
        return file("postgres.binaries", "postgres-binaries.jar");
    }

    Path elasticsearchZip() {
        return file("elasticsearch.zip", "elasticsearch.zip");
    }

    Path kafkaClasspathFile() {
        return file("kafka.classpath", "kafka.classpath");
    }

    /** Version from the build, or null when the resource was not filtered. */
    String version(String key) {
        String v = value(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private String value(String key) {
        String override = System.getProperty("devservices." + key);
        if (override != null) {
            return override;
        }
        String v = properties.getProperty(key);
        return v == null || v.contains("${") ? null : v;
    }

    private Path file(String key, String fileName) {
        List<Path> tried = new ArrayList<>();
        String v = value(key);
        if (v != null) {
            Path p = Path.of(v.trim());
            if (Files.isRegularFile(p)) {
                return p;
            }
            tried.add(p);
        }
        for (Path dir : fallbackDirs()) {
            Path p = dir.resolve(fileName);
            if (Files.isRegularFile(p)) {
                return p;
            }
            tried.add(p);
        }
        throw new DevServicesException("Dev services artifact '" + key + "' not found (looked at " + tried + "). "
                + "Build the dev-services module first (e.g. `mvn -pl dev-services package -DskipTests`): it copies the "
                + "servers' Maven Central artifacts to dev-services/target/devservices/.");
    }

    private static List<Path> fallbackDirs() {
        List<Path> dirs = new ArrayList<>();
        String explicit = System.getProperty("devservices.artifacts.dir");
        if (explicit != null) {
            dirs.add(Path.of(explicit));
        }
        try {
            CodeSource cs = Artifacts.class.getProtectionDomain().getCodeSource();
            if (cs != null && "file".equals(cs.getLocation().getProtocol())) {
                Path location = Path.of(cs.getLocation().toURI());
                if (Files.isDirectory(location) && location.getParent() != null) {
                    dirs.add(location.getParent().resolve("devservices")); // target/classes -> target/devservices
                }
            }
        } catch (URISyntaxException | RuntimeException ignored) {
            // not from a directory: rely on the other candidates
        }
        Path d = Path.of("").toAbsolutePath();
        while (d != null) {
            dirs.add(d.resolve("dev-services/target/devservices"));
            dirs.add(d.resolve("target/devservices"));
            d = d.getParent();
        }
        return dirs;
    }
}
