package io.musicstream.devservices;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the launcher needs to know about the machine: whether we are root, and how to run a command as the
 * unprivileged {@code nobody} account (PostgreSQL and Elasticsearch refuse to run as root).
 */
final class Host {

    private static final String UNPRIVILEGED_USER = "nobody";

    private final boolean root;
    private final int unprivilegedUid;
    private final int unprivilegedGid;
    private final String setpriv;
    private final String runuser;
    private final String setsid;

    private Host(boolean root, int unprivilegedUid, int unprivilegedGid, String setpriv, String runuser, String setsid) {
        this.root = root;
        this.unprivilegedUid = unprivilegedUid;
        this.unprivilegedGid = unprivilegedGid;
        this.setpriv = setpriv;
        this.runuser = runuser;
        this.setsid = setsid;
    }

    static Host detect() {
        boolean root = currentUid() == 0;
        int[] ids = lookupUser(UNPRIVILEGED_USER);
        return new Host(root, ids[0], ids[1], which("setpriv"), which("runuser"), which("setsid"));
    }

    boolean isRoot() {
        return root;
    }

    String unprivilegedUser() {
        return UNPRIVILEGED_USER;
    }

    /**
     * The command, run as {@code nobody} when we are root (plain otherwise). {@code setpriv} execs in place, so the
     * pid of the started process is the pid of the command itself.
     */
    List<String> unprivileged(List<String> command) {
        if (!root) {
            return command;
        }
        List<String> result = new ArrayList<>();
        if (setpriv != null) {
            result.addAll(List.of(setpriv, "--reuid=" + unprivilegedUid, "--regid=" + unprivilegedGid, "--clear-groups",
                    "--"));
        } else if (runuser != null) {
            result.addAll(List.of(runuser, "-u", UNPRIVILEGED_USER, "--"));
        } else {
            throw new DevServicesException("Running as root, PostgreSQL and Elasticsearch must be started as '"
                    + UNPRIVILEGED_USER + "', but neither setpriv nor runuser (util-linux) is installed");
        }
        result.addAll(command);
        return result;
    }

    /**
     * The command in a session of its own (when {@code setsid} exists), so that Ctrl-C in the terminal reaches only
     * our JVM, which then stops the servers in order, after the application.
     */
    List<String> detached(List<String> command) {
        if (setsid == null) {
            return command;
        }
        List<String> result = new ArrayList<>(command.size() + 1);
        result.add(setsid);
        result.addAll(command);
        return result;
    }

    /** Gives a tree to {@code nobody} when we are root; no-op otherwise. Symlinks are not followed. */
    void chownToUnprivileged(Path dir) {
        if (!root || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                    own(d);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    own(file);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new DevServicesException("Could not give " + dir + " to '" + UNPRIVILEGED_USER + "'", e);
        }
    }

    private void own(Path path) throws IOException {
        Map<String, Object> attrs = Files.readAttributes(path, "unix:uid,gid", LinkOption.NOFOLLOW_LINKS);
        if (!Integer.valueOf(unprivilegedUid).equals(attrs.get("uid"))) {
            Files.setAttribute(path, "unix:uid", unprivilegedUid, LinkOption.NOFOLLOW_LINKS);
        }
        if (!Integer.valueOf(unprivilegedGid).equals(attrs.get("gid"))) {
            Files.setAttribute(path, "unix:gid", unprivilegedGid, LinkOption.NOFOLLOW_LINKS);
        }
    }

    /**
     * Takes a directory back from {@code nobody} before we, as root, write in it, so that {@code nobody} cannot
     * swap what we write for a symbolic link to a file of root's. Refuses a symbolic link; no-op when not root.
     * Safe only when the directory's parent is ours (the entry itself cannot change under us).
     */
    void reclaim(Path dir) {
        if (!root || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new DevServicesException("Refusing to write in " + dir
                        + ": it is a symbolic link or not a directory; remove it");
            }
            Files.setAttribute(dir, "unix:uid", 0, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(dir, "unix:gid", 0, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(dir, "unix:mode", 0755, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new DevServicesException("Could not take " + dir + " back from '" + UNPRIVILEGED_USER + "'", e);
        }
    }

    /**
     * {@link #reclaim} for a whole tree, top down (each directory is ours before we look inside it); symbolic
     * links in it are removed, since nothing we put there is one.
     */
    void reclaimTree(Path dir) {
        if (!root || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        reclaim(dir);
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.toList()) {
                if (Files.isSymbolicLink(entry)) {
                    Files.delete(entry);
                } else if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    reclaimTree(entry);
                }
            }
        } catch (IOException e) {
            throw new DevServicesException("Could not take " + dir + " back from '" + UNPRIVILEGED_USER + "'", e);
        }
    }

    /**
     * Writes a file anew without following a symbolic link or writing through a hard link planted in its place:
     * whatever has the name is unlinked first, and the file is created exclusively.
     */
    static void writeNew(Path file, byte[] content) throws IOException {
        Files.deleteIfExists(file);
        Files.write(file, content, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Whether {@code nobody} can reach {@code dir} (every ancestor traversable). Always true when we are not root,
     * because then the servers run as ourselves. Asks the kernel, so ACLs and odd modes are handled.
     */
    boolean unprivilegedCanTraverse(Path dir) {
        if (!root) {
            return true;
        }
        try {
            Process p = new ProcessBuilder(unprivileged(List.of("test", "-x", dir.toString())))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            throw new DevServicesException("Could not check whether '" + UNPRIVILEGED_USER + "' can reach " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevServicesException("Interrupted", e);
        }
    }

    /** Creates the directories and, when we are root, makes the ones we create world-traversable (any umask). */
    void createDirectories(Path dir) {
        try {
            Path existing = dir;
            List<Path> created = new ArrayList<>();
            while (existing != null && !Files.exists(existing)) {
                created.add(existing);
                existing = existing.getParent();
            }
            Files.createDirectories(dir);
            if (root) {
                for (Path p : created) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        } catch (IOException e) {
            throw new DevServicesException("Could not create " + dir, e);
        }
    }

    static int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name")) ? 0 : 1000;
        }
    }

    private static int[] lookupUser(String name) {
        try (Stream<String> lines = Files.lines(Path.of("/etc/passwd"), StandardCharsets.UTF_8)) {
            return lines.map(l -> l.split(":"))
                    .filter(f -> f.length > 3 && f[0].equals(name))
                    .map(f -> new int[] {Integer.parseInt(f[2]), Integer.parseInt(f[3])})
                    .findFirst()
                    .orElse(new int[] {65534, 65534});
        } catch (IOException | RuntimeException e) {
            return new int[] {65534, 65534};
        }
    }

    static String which(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        List<String> dirs = new ArrayList<>(List.of(path.split(":")));
        dirs.addAll(List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin"));
        for (String d : dirs) {
            if (d.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(d, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    /** First 8 hex characters of the SHA-256 of the text. */
    static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
