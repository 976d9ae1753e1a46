package io.musicstream.devservices;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on {@code <runDir>/devservices.lock}, held while a {@link DevServices} instance is alive. The OS
 * drops it when the JVM dies, so servers left behind by a dead JVM are fair game for the next start, while those of
 * a live one are never touched.
 */
final class RunDirLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private RunDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static RunDirLock acquire(Path runDir) {
        Path file = runDir.resolve("devservices.lock");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String owner = Files.readString(file, StandardCharsets.US_ASCII).trim();
                channel.close();
                throw new DevServicesException("Dev services in " + runDir + " are already running in another live "
                        + "process (" + (owner.isEmpty() ? "unknown pid" : "pid " + owner) + ", or an earlier "
                        + "DevServices in this JVM that was not closed). Stop it first, or use another run directory.");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
                    0);
            return new RunDirLock(channel, lock);
        } catch (IOException e) {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // reporting the first problem
            }
            throw new DevServicesException("Could not lock " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the OS releases it with the process anyway
        }
    }
}
