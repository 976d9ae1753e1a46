package io.musicstream.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class BoundedPasswordEncoderTest {

    @Test
    void hashesAtOwaspsMinimumAndStillVerifiesOlderHashes() {
        PasswordEncoder encoder = new PasswordHashing().passwordEncoder(1, Duration.ofSeconds(5));
        String hash = encoder.encode("a long passphrase");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(encoder.matches("a long passphrase", hash)).isTrue();

        String older = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("a long passphrase");
        assertThat(older).contains("m=16384");
        assertThat(encoder.matches("a long passphrase", older)).isTrue();
        assertThat(encoder.matches("wrong", older)).isFalse();
    }

    @Test
    void aCallerThatGetsNoPermitWithinTheWaitIsTurnedAwayInsteadOfQueueing() throws Exception {
        CountDownLatch hashing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PasswordEncoder slow = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                hashing.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "hash";
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                return true;
            }
        };
        PasswordEncoder bounded = new PasswordHashing.BoundedPasswordEncoder(slow, 1, Duration.ofMillis(100));
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<String> first = executor.submit(() -> bounded.encode("x"));
            hashing.await();
            long start = System.nanoTime();
            assertThatThrownBy(() -> bounded.matches("y", "hash")).isInstanceOf(HashingBusyException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            release.countDown();
            assertThat(first.get()).isEqualTo("hash");
            assertThat(bounded.matches("y", "hash")).as("the permit came back").isTrue();
        } finally {
            release.countDown();
            executor.shutdownNow();
        }
    }
}
