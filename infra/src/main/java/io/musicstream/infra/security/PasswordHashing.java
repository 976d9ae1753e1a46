package io.musicstream.infra.security;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    /** OWASP's minimum for Argon2id: 19 MiB of memory, 2 iterations, parallelism 1. */
    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;

    /**
     * Argon2id at OWASP's minimum; hashes made with other parameters still verify (they are read from the
     * hash). At most {@code music.auth.max-concurrent-hashes} (default: the cores) hash at once.
     */
    @Bean
    PasswordEncoder passwordEncoder(
            @Value("${music.auth.max-concurrent-hashes:0}") int maxConcurrent,
            @Value("${music.auth.hash-wait:1s}") Duration wait) {
        int permits = maxConcurrent > 0 ? maxConcurrent : Runtime.getRuntime().availableProcessors();
        return new BoundedPasswordEncoder(new Argon2PasswordEncoder(16, 32, 1, MEMORY_KIB, ITERATIONS),
                permits, wait);
    }

    /**
     * Caps concurrent hashing: each Argon2 hash holds 19 MiB and a core for tens of milliseconds. A caller
     * that gets no permit within {@code wait} fails fast instead of piling up threads.
     */
    static final class BoundedPasswordEncoder implements PasswordEncoder {

        private final PasswordEncoder delegate;
        private final Semaphore permits;
        private final long waitNanos;

        BoundedPasswordEncoder(PasswordEncoder delegate, int permits, Duration wait) {
            this.delegate = delegate;
            this.permits = new Semaphore(permits, true);
            this.waitNanos = wait.toNanos();
        }

        @Override
        public String encode(CharSequence rawPassword) {
            acquire();
            try {
                return delegate.encode(rawPassword);
            } finally {
                permits.release();
            }
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            acquire();
            try {
                return delegate.matches(rawPassword, encodedPassword);
            } finally {
                permits.release();
            }
        }

        @Override
        public boolean upgradeEncoding(String encodedPassword) {
            return delegate.upgradeEncoding(encodedPassword);
        }

        private void acquire() {
            try {
                if (!permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
                    throw new HashingBusyException();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HashingBusyException();
            }
        }
    }
}
