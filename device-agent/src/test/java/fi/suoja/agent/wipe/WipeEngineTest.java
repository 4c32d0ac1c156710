package fi.suoja.agent.wipe;

import fi.suoja.hardware.mqtt.WipeFailure;
import fi.suoja.hardware.mqtt.WipeReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class WipeEngineTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    private final WipeEngine engine = new WipeEngine(Deleter.FILES, CLOCK);

    private Path area() throws IOException {
        return Files.createDirectories(temp.resolve("guest"));
    }

    private static void write(Path file, int bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[bytes]);
    }

    private static List<Path> contents(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        }
    }

    @Test
    void everything_inside_the_area_goes_and_the_area_itself_stays_with_exact_counts() throws IOException {
        Path area = area();
        write(area.resolve("a.txt"), 10);
        write(area.resolve("Downloads/b.pdf"), 2000);
        write(area.resolve("Downloads/deep/er/c.bin"), 300);
        write(area.resolve(".mozilla/firefox/x/places.sqlite"), 4096);
        Files.createDirectories(area.resolve("empty/dir"));

        WipeReport report = engine.wipe("job-1", List.of(WipeArea.empty("home", area)), WipeProgress.NONE);

        assertThat(contents(area)).isEmpty();
        assertThat(area).isDirectory();
        assertThat(report.jobId()).isEqualTo("job-1");
        assertThat(report.verified()).isTrue();
        assertThat(report.filesRemoved()).isEqualTo(4);
        // Downloads, deep, er, .mozilla, firefox, x, empty, dir
        assertThat(report.directoriesRemoved()).isEqualTo(8);
        assertThat(report.bytesRemoved()).isEqualTo(10 + 2000 + 300 + 4096);
        assertThat(report.failures()).isEmpty();
        assertThat(report.finishedAt()).isEqualTo(CLOCK.instant());
    }

    @Test
    void read_only_files_and_directories_are_removed_too() throws IOException {
        Path area = area();
        Path locked = area.resolve("locked");
        write(locked.resolve("inner/secret.txt"), 5);
        Files.setPosixFilePermissions(locked.resolve("inner/secret.txt"), PosixFilePermissions.fromString("r--------"));
        Files.setPosixFilePermissions(locked.resolve("inner"), PosixFilePermissions.fromString("r-x------"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));

        WipeReport report = engine.wipe("job-2", List.of(WipeArea.empty("home", area)), WipeProgress.NONE);

        assertThat(contents(area)).isEmpty();
        assertThat(report.verified()).isTrue();
        assertThat(report.filesRemoved()).isEqualTo(1);
        assertThat(report.directoriesRemoved()).isEqualTo(2);
    }

    @Test
    void a_link_to_a_file_outside_is_removed_and_its_target_survives() throws IOException {
        Path area = area();
        Path outside = temp.resolve("outside.txt");
        Files.writeString(outside, "precious");
        Files.createSymbolicLink(area.resolve("link"), outside);

        WipeReport report = engine.wipe("job-3", List.of(WipeArea.empty("home", area)), WipeProgress.NONE);

        assertThat(contents(area)).isEmpty();
        assertThat(outside).hasContent("precious");
        assertThat(report.filesRemoved()).isEqualTo(1);
        assertThat(report.bytesRemoved()).isZero();
        assertThat(report.verified()).isTrue();
    }

    @Test
    void a_link_to_a_directory_outside_is_removed_and_nothing_in_that_directory_is_touched() throws IOException {
        Path area = area();
        Path outside = Files.createDirectories(temp.resolve("system"));
        write(outside.resolve("keep/me.txt"), 7);
        Files.createSymbolicLink(area.resolve("to-system"), outside);
        Files.createDirectories(area.resolve("sub"));
        Files.createSymbolicLink(area.resolve("sub/up"), outside.resolve("keep"));

        WipeReport report = engine.wipe("job-4", List.of(WipeArea.empty("home", area)), WipeProgress.NONE);

        assertThat(contents(area)).isEmpty();
        assertThat(outside.resolve("keep/me.txt")).exists().hasSize(7);
        assertThat(report.filesRemoved()).isEqualTo(2);
        assertThat(report.directoriesRemoved()).isEqualTo(1);
        assertThat(report.verified()).isTrue();
    }

    @Test
    void a_file_that_will_not_go_is_recorded_relative_to_its_area_and_the_wipe_carries_on() throws IOException {
        // Tests run as root, where permissions never stop a delete: the Deleter seam plays the stubborn file.
        Path area = area();
        write(area.resolve("stuck/held.txt"), 3);
        write(area.resolve("stuck/other.txt"), 4);
        write(area.resolve("fine.txt"), 5);
        Deleter stubborn = path -> {
            if (path.getFileName().toString().equals("held.txt")) {
                throw new AccessDeniedException(path.toString(), null, "Operation not permitted");
            }
            Files.delete(path);
        };

        WipeReport report = new WipeEngine(stubborn, CLOCK)
                .wipe("job-5", List.of(WipeArea.empty("home", area)), WipeProgress.NONE);

        assertThat(report.verified()).isFalse();
        assertThat(report.failures()).contains("home/stuck/held.txt: access-denied");
        assertThat(report.failures()).noneMatch(f -> f.contains(temp.toString()));
        assertThat(area.resolve("stuck/held.txt")).exists();
        assertThat(area.resolve("stuck/other.txt")).doesNotExist();
        assertThat(area.resolve("fine.txt")).doesNotExist();
        assertThat(report.filesRemoved()).isEqualTo(2);
        assertThat(report.bytesRemoved()).isEqualTo(9);
        assertThat(report.failures()).anyMatch(f -> f.startsWith("home: remains ("));
    }

    /** Needs root and a file system that knows the immutable flag: run by the integration profile. */
    @Test
    @org.junit.jupiter.api.Tag("privileged")
    void an_immutable_file_is_a_failure_not_a_crash() throws Exception {
        Path area = area();
        Path held = area.resolve("immutable.txt");
        write(held, 3);
        write(area.resolve("other.txt"), 3);
        assertThat(run("chattr", "+i", held.toString()))
                .as("chattr +i must work here: this test needs root and ext4 (it runs in -Pintegration)").isZero();
        try {
            WipeReport report = engine.wipe("job-6", List.of(WipeArea.empty("home", area)), WipeProgress.NONE);

            assertThat(report.verified()).isFalse();
            assertThat(report.failures()).contains("home/immutable.txt: access-denied");
            assertThat(area.resolve("other.txt")).doesNotExist();
        } finally {
            run("chattr", "-i", held.toString());
        }
    }

    @Test
    void a_deleter_that_only_pretends_is_caught_by_the_verification() throws IOException {
        Path area = area();
        write(area.resolve("a.txt"), 1);
        Deleter liar = path -> { };

        WipeReport report = new WipeEngine(liar, CLOCK)
                .wipe("job-7", List.of(WipeArea.empty("home", area)), WipeProgress.NONE);

        assertThat(report.verified()).isFalse();
        assertThat(report.failures()).containsExactly("home: remains (1 entries)");
    }

    @Test
    void a_clean_template_is_restored_and_proven_equal() throws IOException {
        Path area = area();
        Path template = Files.createDirectories(temp.resolve("template"));
        Files.writeString(template.resolve(".bashrc"), "export LANG=fi_FI.UTF-8\n");
        Files.createDirectories(template.resolve("Desktop"));
        Files.writeString(template.resolve("Desktop/help.desktop"), "[Desktop Entry]\n");
        Files.writeString(area.resolve(".bashrc"), "export SECRET=guest-typed-this\n");
        write(area.resolve("Desktop/bank-statement.pdf"), 100);

        WipeReport report = engine.wipe("job-8", List.of(new WipeArea("home", area, template)), WipeProgress.NONE);

        assertThat(report.verified()).isTrue();
        assertThat(area.resolve(".bashrc")).hasContent("export LANG=fi_FI.UTF-8");
        assertThat(area.resolve("Desktop/help.desktop")).exists();
        assertThat(area.resolve("Desktop/bank-statement.pdf")).doesNotExist();
        assertThat(template.resolve(".bashrc")).exists();
        assertThat(report.filesRemoved()).isEqualTo(2);
    }

    @Test
    void a_file_left_behind_that_differs_from_the_template_fails_the_verification() throws IOException {
        Path area = area();
        Path template = Files.createDirectories(temp.resolve("template"));
        Files.writeString(template.resolve("settings.ini"), "clean");
        Files.writeString(area.resolve("settings.ini"), "dirty!");
        Deleter keepsSettings = path -> {
            if (!path.getFileName().toString().equals("settings.ini")) {
                Files.delete(path);
            }
        };

        WipeReport report = new WipeEngine(keepsSettings, CLOCK)
                .wipe("job-9", List.of(new WipeArea("home", area, template)), WipeProgress.NONE);

        assertThat(report.verified()).isFalse();
        assertThat(report.failures()).anyMatch(f -> f.startsWith("home: cannot-restore-template (")
                || f.startsWith("home: differs-from-template (") && f.contains("settings.ini (changed)"));
        assertThat(area.resolve("settings.ini")).hasContent("dirty!");
    }

    @Test
    void an_area_replaced_by_a_link_is_not_followed_and_not_verified() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("elsewhere"));
        write(outside.resolve("keep.txt"), 2);
        Path area = temp.resolve("guest");
        Files.createSymbolicLink(area, outside);

        WipeReport report = engine.wipe("job-10", List.of(WipeArea.empty("home", area)), WipeProgress.NONE);

        assertThat(report.verified()).isFalse();
        assertThat(outside.resolve("keep.txt")).exists();
    }

    @Test
    void several_areas_are_all_wiped_and_progress_is_told() throws IOException {
        Path home = area();
        Path downloads = Files.createDirectories(temp.resolve("downloads"));
        write(home.resolve("x"), 1);
        write(downloads.resolve("y"), 2);
        List<String> steps = new java.util.ArrayList<>();

        WipeReport report = engine.wipe("job-11", List.of(WipeArea.empty("home", home),
                WipeArea.empty("downloads", downloads)), steps::add);

        assertThat(report.verified()).isTrue();
        assertThat(report.filesRemoved()).isEqualTo(2);
        assertThat(steps).containsExactly("wiping home", "verifying home", "wiping downloads", "verifying downloads");
    }

    @Test
    void a_failure_reason_is_a_code_never_an_absolute_path_or_a_class_name() {
        assertThat(WipeEngine.reason(new FileSystemException("/home/guest/x", null, "Device or resource busy")))
                .isEqualTo(WipeFailure.BUSY);
        assertThat(WipeEngine.reason(new AccessDeniedException("/home/guest/x"))).isEqualTo(WipeFailure.ACCESS_DENIED);
        assertThat(WipeEngine.reason(new FileSystemException("/home/guest/x", null, "Read-only file system")))
                .isEqualTo(WipeFailure.READ_ONLY);
        assertThat(WipeEngine.reason(new IOException("/home/guest/x is odd"))).isEqualTo(WipeFailure.OTHER);
    }

    private static int run(String... command) throws Exception {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor();
        } catch (IOException e) {
            return -1;
        }
    }

    @Test
    void a_loop_of_links_inside_the_area_is_removed_without_going_round_it() throws IOException {
        Path area = area();
        Path inner = Files.createDirectories(area.resolve("a/b"));
        Files.createSymbolicLink(inner.resolve("back-to-a"), area.resolve("a"));
        Files.createSymbolicLink(area.resolve("a/to-b"), inner);
        Files.createSymbolicLink(area.resolve("self"), area.resolve("self"));
        write(inner.resolve("file.txt"), 7);

        WipeReport report = engine.wipe("job-loop", List.of(WipeArea.empty("home", area)), WipeProgress.NONE);

        assertThat(contents(area)).isEmpty();
        assertThat(report.verified()).isTrue();
        assertThat(report.bytesRemoved()).isEqualTo(7);
        // one file and three links; a link is counted as a file and never followed
        assertThat(report.filesRemoved()).isEqualTo(4);
        assertThat(report.directoriesRemoved()).isEqualTo(2);
    }

    @Test
    void a_large_tree_is_wiped_completely_with_every_file_counted() throws IOException {
        Path area = area();
        long bytes = 0;
        int files = 0;
        for (int d = 0; d < 40; d++) {
            Path dir = Files.createDirectories(area.resolve("d" + d + "/sub" + (d % 7)));
            for (int f = 0; f < 100; f++) {
                write(dir.resolve("f" + f + ".dat"), f % 13);
                bytes += f % 13;
                files++;
            }
        }

        WipeReport report = engine.wipe("job-large", List.of(WipeArea.empty("home", area)), WipeProgress.NONE);

        assertThat(contents(area)).isEmpty();
        assertThat(report.verified()).isTrue();
        assertThat(report.filesRemoved()).isEqualTo(files).isEqualTo(4000);
        assertThat(report.directoriesRemoved()).isEqualTo(80);
        assertThat(report.bytesRemoved()).isEqualTo(bytes);
        assertThat(report.failures()).isEmpty();
    }
}
