package io.musicstream.devservices;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Child processes, pid files, ports and log tails. Linux only (reads {@code /proc}). */
final class Processes {

    private static final Logger log = LoggerFactory.getLogger(Processes.class);

    /** Environment variables of our JVM that must not leak into the servers' JVMs. */
    private static final List<String> SCRUBBED_ENV = List.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS",
            "JAVA_OPTS", "JAVA_HOME", "CLASSPATH", "ES_JAVA_OPTS", "ES_PATH_CONF", "ES_HOME", "KAFKA_OPTS",
            "KAFKA_HEAP_OPTS", "PGDATA", "PGPORT", "PGHOST", "MAVEN_OPTS");

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private Processes() {
    }

    /** Starts a command with stdin from /dev/null and stdout+stderr appended to {@code logFile}. */
    static Process launch(List<String> command, Map<String, String> env, Path workDir, Path logFile) {
        try {
            if (Files.isSymbolicLink(logFile)) {
                Files.delete(logFile); // never append through a link someone else planted
            }
        } catch (IOException e) {
            throw new DevServicesException("Could not remove the symbolic link " + logFile, e);
        }
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        Map<String, String> environment = pb.environment();
        SCRUBBED_ENV.forEach(environment::remove);
        environment.put("LC_ALL", "C");
        environment.putAll(env);
        try {
            return pb.start();
        } catch (IOException e) {
            throw new DevServicesException("Could not start " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    /** Runs a command to completion; throws with the log's tail when it fails or takes longer than {@code timeout}. */
    static void run(String what, List<String> command, Map<String, String> env, Path workDir, Path logFile,
                    Duration timeout) {
        Process p = launch(command, env, workDir, logFile);
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new DevServicesException(what + " did not finish within " + Host.seconds(timeout)
                        + tailMessage(logFile));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DevServicesException(what + " was interrupted", e);
        }
        if (p.exitValue() != 0) {
            throw new DevServicesException(what + " failed with exit code " + p.exitValue() + tailMessage(logFile));
        }
    }

    // ---------------------------------------------------------------- pid files and our processes

    static void writePid(Path pidFile, long pid) {
        try {
            Host.writeNew(pidFile, (pid + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            log.warn("Could not write pid file {}: {}", pidFile, e.toString());
        }
    }

    /** First line of a pid file (PostgreSQL's postmaster.pid has more lines). */
    static OptionalLong readPid(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return OptionalLong.empty();
            }
            String first = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst().orElse("").trim();
            return first.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The live processes that are provably ours: named by one of the pid files or found among all processes, and in
     * both cases with a command line that {@code isOurs} recognises (a recycled pid is never touched). Our own JVM
     * and its ancestors are never included.
     */
    static List<ProcessHandle> findOurs(Collection<Path> pidFiles, Predicate<List<String>> isOurs) {
        Set<Long> excluded = new java.util.HashSet<>();
        ProcessHandle self = ProcessHandle.current();
        excluded.add(self.pid());
        self.parent().ifPresent(p -> {
            ProcessHandle h = p;
            while (h != null) {
                excluded.add(h.pid());
                h = h.parent().orElse(null);
            }
        });
        Map<Long, ProcessHandle> found = new LinkedHashMap<>();
        for (Path pidFile : pidFiles) {
            readPid(pidFile).ifPresent(pid -> ProcessHandle.of(pid).ifPresent(h -> found.put(pid, h)));
        }
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            all.forEach(h -> found.putIfAbsent(h.pid(), h));
        }
        return found.values().stream()
                .filter(h -> !excluded.contains(h.pid()))
                .filter(ProcessHandle::isAlive)
                .filter(h -> {
                    List<String> cmd = commandLine(h.pid());
                    return !cmd.isEmpty() && isOurs.test(cmd);
                })
                .collect(Collectors.toList());
    }

    /** argv of a process from /proc (empty when gone or unreadable). */
    static List<String> commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            List<String> args = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == 0) {
                    args.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            if (start < raw.length) {
                args.add(new String(raw, start, raw.length - start, StandardCharsets.UTF_8));
            }
            return args;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** SIGTERM, wait up to {@code grace}, then SIGKILL. Returns whether they all ended. */
    static boolean terminate(Collection<ProcessHandle> processes, Duration grace, String what) {
        List<ProcessHandle> alive = processes.stream().filter(ProcessHandle::isAlive).toList();
        if (alive.isEmpty()) {
            return true;
        }
        alive.forEach(ProcessHandle::destroy);
        if (awaitExit(alive, grace)) {
            return true;
        }
        log.warn("{} did not stop within {} after SIGTERM; sending SIGKILL to {}", what, Host.seconds(grace),
                alive.stream().filter(ProcessHandle::isAlive).map(h -> h.pid() + " " + brief(commandLine(h.pid())))
                        .collect(Collectors.joining(", ")));
        alive.forEach(ProcessHandle::destroyForcibly);
        return awaitExit(alive, Duration.ofSeconds(15));
    }

    /** First and last two arguments of a command line, for log lines. */
    static String brief(List<String> cmd) {
        if (cmd.size() <= 3) {
            return String.join(" ", cmd);
        }
        return cmd.get(0) + " ... " + cmd.get(cmd.size() - 2) + " " + cmd.get(cmd.size() - 1);
    }

    static boolean awaitExit(Collection<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (processes.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(50);
        }
        return true;
    }

    static void signal(long pid, String signal) {
        String kill = Host.which("kill");
        if (kill == null) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            return;
        }
        try {
            Process p = new ProcessBuilder(kill, "-s", signal, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- ports

    /** Whether we could listen on 127.0.0.1:port. */
    static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(LOOPBACK, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether something accepts connections on 127.0.0.1:port. */
    static boolean isListening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(LOOPBACK, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails clearly when a port is taken by something that is not ours (ours were stopped just before). */
    static void requireFree(Service service, Map<Integer, String> ports) {
        for (Map.Entry<Integer, String> e : ports.entrySet()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (!isFree(e.getKey())) {
                if (System.nanoTime() > deadline) {
                    throw new DevServicesException("Cannot start " + service.displayName() + ": port " + e.getKey()
                            + " (" + e.getValue() + ") on 127.0.0.1 is in use by a process that is not one of ours. "
                            + "Stop it (e.g. `ss -ltnp 'sport = :" + e.getKey() + "'` shows which) or configure "
                            + "another port.");
                }
                sleep(100);
            }
        }
    }

    // ---------------------------------------------------------------- files

    /** The last lines of a text file, or a note that it is missing. */
    static String tail(Path file, int lines) {
        if (file == null || !Files.isRegularFile(file)) {
            return "(" + file + " does not exist)";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int window = (int) Math.min(length, 64 * 1024);
            byte[] buf = new byte[window];
            raf.seek(length - window);
            raf.readFully(buf);
            String text = new String(buf, StandardCharsets.UTF_8);
            String[] all = text.split("\r?\n");
            int from = Math.max(0, all.length - lines);
            return String.join("\n", java.util.Arrays.asList(all).subList(from, all.length));
        } catch (IOException e) {
            return "(could not read " + file + ": " + e + ")";
        }
    }

    static String tailMessage(Path... logFiles) {
        StringBuilder sb = new StringBuilder();
        for (Path f : logFiles) {
            if (f == null) {
                continue;
            }
            sb.append("\n---- last lines of ").append(f).append(" ----\n").append(tail(f, 40));
        }
        return sb.toString();
    }

    /** Keeps the previous run's log as {@code <name>.1} and starts an empty one. */
    static void rotate(Path logFile) {
        try {
            if (Files.exists(logFile)) {
                Files.move(logFile, logFile.resolveSibling(logFile.getFileName() + ".1"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            log.debug("Could not rotate {}: {}", logFile, e.toString());
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new DevServicesException("Could not delete " + dir, e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevServicesException("Interrupted", e);
        }
    }
}
