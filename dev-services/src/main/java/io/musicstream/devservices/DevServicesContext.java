package io.musicstream.devservices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Resolved directories of one launch, and the decision where the services that run as {@code nobody} live. */
final class DevServicesContext {

    private static final Logger log = LoggerFactory.getLogger(DevServicesContext.class);

    final DevServicesSettings settings;
    final Host host;
    final Artifacts artifacts;
    /** Shared binaries of the services that run as ourselves. */
    final Path distDir;
    /** Run directory for PostgreSQL and Elasticsearch: the run directory, or a fallback that {@code nobody} reaches. */
    final Path unprivilegedRunDir;
    /** Shared binaries of PostgreSQL and Elasticsearch. */
    final Path unprivilegedDistDir;

    private DevServicesContext(DevServicesSettings settings, Host host, Artifacts artifacts, Path distDir,
                               Path unprivilegedRunDir, Path unprivilegedDistDir) {
        this.settings = settings;
        this.host = host;
        this.artifacts = artifacts;
        this.distDir = distDir;
        this.unprivilegedRunDir = unprivilegedRunDir;
        this.unprivilegedDistDir = unprivilegedDistDir;
    }

    static DevServicesContext create(DevServicesSettings settings) {
        Host host = Host.detect();
        Path runDir = settings.runDir();
        host.createDirectories(runDir);
        Path runDirForNobody = runDir;
        Path distForNobody = settings.distDir();
        boolean needsNobody = host.isRoot() && (settings.services().contains(Service.POSTGRES)
                || settings.services().contains(Service.ELASTICSEARCH));
        if (needsNobody && !host.unprivilegedCanTraverse(runDir)) {
            Path base = fallbackBase(runDir);
            runDirForNobody = base.resolve(runDir.getFileName().toString());
            distForNobody = base.resolve("dist");
            log.warn("Running as root: PostgreSQL and Elasticsearch must run as '{}', which cannot reach {} (an "
                            + "ancestor directory is not traversable by other users). Their data and binaries go to "
                            + "{} instead.", host.unprivilegedUser(), runDir, base);
            host.createDirectories(runDirForNobody);
            writeLocationNote(runDir, runDirForNobody);
        }
        return new DevServicesContext(settings, host, Artifacts.load(), settings.distDir(), runDirForNobody,
                distForNobody);
    }

    /** {@code /var/tmp/music-streaming-<hash of the run directory's parent>}: dev and test runs share its dist. */
    static Path fallbackBase(Path runDir) {
        Path base = Path.of("/var/tmp", "music-streaming-" + Host.shortHash(runDir.getParent().toString()));
        try {
            if (Files.exists(base, LinkOption.NOFOLLOW_LINKS)) {
                Map<String, Object> attrs = Files.readAttributes(base, "unix:uid,mode", LinkOption.NOFOLLOW_LINKS);
                if (Files.isSymbolicLink(base) || !Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS)
                        || ((Integer) attrs.get("uid")) != Host.currentUid()) {
                    throw new DevServicesException(base + " exists but is not a directory owned by us; remove it");
                }
            }
        } catch (IOException e) {
            throw new DevServicesException("Could not inspect " + base, e);
        }
        return base;
    }

    private static void writeLocationNote(Path runDir, Path elsewhere) {
        try {
            Files.writeString(runDir.resolve("LOCATION-OF-POSTGRES-AND-ELASTICSEARCH.txt"),
                    "Running as root, PostgreSQL and Elasticsearch run as 'nobody', which cannot reach this "
                            + "directory.\nTheir data and logs are in " + elsewhere + "\n");
        } catch (IOException ignored) {
            // only a note for humans
        }
    }

    /** Whether this service runs as {@code nobody} (we are root, and it refuses root). */
    boolean unprivileged(Service service) {
        return host.isRoot() && (service == Service.POSTGRES || service == Service.ELASTICSEARCH);
    }

    Path serviceDir(Service service) {
        Path base = (service == Service.POSTGRES || service == Service.ELASTICSEARCH)
                ? unprivilegedRunDir : settings.runDir();
        return base.resolve(service.dirName());
    }

    Path distDir(Service service) {
        return (service == Service.POSTGRES || service == Service.ELASTICSEARCH) ? unprivilegedDistDir : distDir;
    }
}
