package io.musicstream.devservices;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * Extracts the servers' binaries once into a shared {@code dist} directory. Extraction goes to a temporary sibling
 * that is renamed into place only when complete, and a marker file inside proves completeness; a file lock keeps
 * concurrent launchers (dev and tests) from extracting twice.
 */
final class Dist {

    private static final Logger log = LoggerFactory.getLogger(Dist.class);
    private static final String MARKER = ".devservices-extracted";
    private static final Map<Path, Object> JVM_LOCKS = new ConcurrentHashMap<>();

    private Dist() {
    }

    interface Extraction {
        void extractInto(Path dir) throws IOException;
    }

    /** {@code <distDir>/<name>}, extracted by {@code extraction} unless a complete copy is already there. */
    @SuppressWarnings("try")
    static Path ensure(Host host, Path distDir, String name, String source, Extraction extraction) {
        Path target = distDir.resolve(name);
        if (Files.isRegularFile(target.resolve(MARKER))) {
            return target;
        }
        host.createDirectories(distDir);
        Path lockFile = distDir.resolve("." + name + ".lock");
        synchronized (JVM_LOCKS.computeIfAbsent(lockFile, k -> new Object())) {
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (Files.isRegularFile(target.resolve(MARKER))) {
                    return target;
                }
                long start = System.nanoTime();
                log.info("Extracting {} into {} (once; later starts reuse it)", source, target);
                Path partial = distDir.resolve("." + name + ".partial-" + ProcessHandle.current().pid());
                try (var leftovers = Files.list(distDir)) { // extractions that did not finish
                    for (Path p : leftovers.filter(p -> p.getFileName().toString()
                            .startsWith("." + name + ".partial-")).toList()) {
                        Processes.deleteTree(p);
                    }
                }
                Processes.deleteTree(target);
                Files.createDirectories(partial);
                extraction.extractInto(partial);
                Files.writeString(partial.resolve(MARKER), source + "\n", StandardCharsets.UTF_8);
                if (host.isRoot()) {
                    Files.setPosixFilePermissions(partial, EnumSet.of(PosixFilePermission.OWNER_READ,
                            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
                            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
                            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE));
                }
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                log.info("Extracted {} in {}", target.getFileName(),
                        Host.seconds(Duration.ofNanos(System.nanoTime() - start)));
                return target;
            } catch (IOException e) {
                throw new DevServicesException("Could not extract " + source + " into " + target + ": " + e, e);
            }
        }
    }

    /** A .txz stored as an entry of a jar (the zonky PostgreSQL binaries). */
    static void extractTxzFromJar(Path jar, String entryName, Path dir) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null) {
                throw new IOException(jar + " has no entry " + entryName);
            }
            try (InputStream raw = new BufferedInputStream(zip.getInputStream(entry), 1 << 16);
                 XZInputStream xz = new XZInputStream(raw);
                 TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(xz, 1 << 16))) {
                List<Path[]> hardLinks = new ArrayList<>();
                List<Object[]> dirModes = new ArrayList<>();
                TarArchiveEntry e;
                while ((e = tar.getNextEntry()) != null) {
                    Path target = inside(dir, e.getName());
                    if (target == null) {
                        continue;
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(target);
                        dirModes.add(new Object[] {target, e.getMode()});
                    } else if (e.isSymbolicLink()) {
                        Files.createDirectories(target.getParent());
                        Files.deleteIfExists(target);
                        Files.createSymbolicLink(target, Path.of(e.getLinkName()));
                    } else if (e.isLink()) {
                        Path source = inside(dir, e.getLinkName());
                        if (source != null) {
                            hardLinks.add(new Path[] {target, source});
                        }
                    } else if (e.isFile()) {
                        Files.createDirectories(target.getParent());
                        try (OutputStream out = Files.newOutputStream(target)) {
                            tar.transferTo(out);
                        }
                        setMode(target, e.getMode());
                    }
                }
                for (Path[] link : hardLinks) {
                    Files.createDirectories(link[0].getParent());
                    Files.deleteIfExists(link[0]);
                    Files.createLink(link[0], link[1]);
                }
                for (Object[] d : dirModes) {
                    setMode((Path) d[0], (Integer) d[1] | 0700);
                }
            }
        }
    }

    /** A zip whose entries all sit in one top folder (stripped), keeping unix modes and symlinks. */
    static void extractZipStrippingTopFolder(Path zipFile, Path dir) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(zipFile).get()) {
            List<Object[]> dirModes = new ArrayList<>();
            Enumeration<ZipArchiveEntry> entries = zip.getEntries();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry e = entries.nextElement();
                String name = e.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue; // the top folder itself
                }
                Path target = inside(dir, name.substring(slash + 1));
                if (target == null) {
                    continue;
                }
                int mode = e.getUnixMode() & 07777;
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    dirModes.add(new Object[] {target, mode == 0 ? 0755 : mode});
                } else if (e.isUnixSymlink()) {
                    Files.createDirectories(target.getParent());
                    Files.deleteIfExists(target);
                    Files.createSymbolicLink(target, Path.of(zip.getUnixSymlink(e)));
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(e)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    if (mode != 0) {
                        setMode(target, mode);
                    }
                }
            }
            for (Object[] d : dirModes) {
                setMode((Path) d[0], (Integer) d[1] | 0700);
            }
        }
    }

    /** Top folder name of a zip, e.g. {@code elasticsearch-8.19.21}. */
    static String topFolder(Path zipFile) {
        try (ZipFile zip = ZipFile.builder().setPath(zipFile).get()) {
            Enumeration<ZipArchiveEntry> entries = zip.getEntries();
            if (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                int slash = name.indexOf('/');
                return slash < 0 ? name : name.substring(0, slash);
            }
            throw new DevServicesException(zipFile + " is empty");
        } catch (IOException e) {
            throw new DevServicesException("Could not read " + zipFile, e);
        }
    }

    /** CRC-32 of a jar entry as hex: a content fingerprint that survives re-copying the jar. */
    static String entryCrc(Path jar, String entryName) {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null) {
                throw new DevServicesException(jar + " has no entry " + entryName);
            }
            return Long.toHexString(entry.getCrc());
        } catch (IOException e) {
            throw new DevServicesException("Could not read " + jar, e);
        }
    }

    /** Copies a classpath resource to {@code file} with mode 755 (the Redis binary bundled in embedded-redis). */
    static void copyResource(String resource, Path file) throws IOException {
        try (InputStream in = Dist.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("classpath resource " + resource + " not found");
            }
            Files.createDirectories(file.getParent());
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        setMode(file, 0755);
    }

    private static Path inside(Path dir, String name) {
        Path target = dir.resolve(name).normalize();
        if (!target.startsWith(dir) || target.equals(dir)) {
            return null;
        }
        return target;
    }

    static void setMode(Path path, int mode) throws IOException {
        if (Files.isSymbolicLink(path)) {
            return;
        }
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
                PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                perms.add(order[bit]);
            }
        }
        Files.setPosixFilePermissions(path, perms);
    }

    static boolean exists(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }
}
