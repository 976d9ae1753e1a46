package io.musicstream.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files the launcher writes where the unprivileged account could have planted links. */
class HostSymlinkTest {

    @TempDir
    Path tmp;

    @Test
    void writingAFileNeverFollowsALinkPlantedInItsPlace() throws Exception {
        Path victim = Files.writeString(tmp.resolve("victim"), "precious");
        Path planted = Files.createSymbolicLink(tmp.resolve("server.pid"), victim);

        Host.writeNew(planted, "42\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(Files.readString(victim)).isEqualTo("precious");
        assertThat(Files.isSymbolicLink(planted)).isFalse();
        assertThat(Files.readString(planted)).isEqualTo("42\n");
    }

    @Test
    void aTreeTakenBackFromNobodyHasNoLinksLeftAndIsRoots() throws Exception {
        Host host = Host.detect();
        assumeTrue(host.isRoot(), "only root hands trees to nobody");
        Path victimDir = Files.createDirectory(tmp.resolve("etc"));
        Path config = Files.createDirectories(tmp.resolve("es/config/sub"));
        Files.createSymbolicLink(config.getParent().resolve("jvm.options.d"), victimDir);
        Files.createSymbolicLink(config.resolve("elasticsearch.yml"), victimDir.resolve("passwd"));
        host.chownToUnprivileged(tmp.resolve("es"));

        host.reclaim(tmp.resolve("es"));
        host.reclaimTree(tmp.resolve("es/config"));

        assertThat(Files.exists(tmp.resolve("es/config/jvm.options.d"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(config.resolve("elasticsearch.yml"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.getAttribute(config, "unix:uid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(0);
        assertThat(Files.getAttribute(tmp.resolve("es"), "unix:uid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(0);
    }

    @Test
    void aServiceDirectoryThatIsALinkIsRefused() throws Exception {
        Host host = Host.detect();
        assumeTrue(host.isRoot(), "only root takes directories back");
        Path link = Files.createSymbolicLink(tmp.resolve("postgres"), Files.createDirectory(tmp.resolve("elsewhere")));

        assertThatThrownBy(() -> host.reclaim(link)).isInstanceOf(DevServicesException.class)
                .hasMessageContaining("symbolic link");
    }
}
