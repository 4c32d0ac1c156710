package fi.suoja.agent.wipe;

import fi.suoja.hardware.mqtt.WipeFailure;
import fi.suoja.hardware.mqtt.WipeReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.DosFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Removes everything inside each wipe area in one pass, then proves the area is empty or equal to
 * its clean template. Links are removed, never followed; other file systems mounted inside an area
 * are left alone; a file that will not go is recorded (path relative to its area, reason, never
 * contents) and the wipe carries on.
 */
public final class WipeEngine {

    private static final Logger log = LoggerFactory.getLogger(WipeEngine.class);
    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};
    /** Without FOLLOW_LINKS, walkFileTree reports a link as a file and never enters it. */
    private static final Set<FileVisitOption> DO_NOT_FOLLOW = EnumSet.noneOf(FileVisitOption.class);

    private final Deleter deleter;
    private final Clock clock;

    public WipeEngine(Deleter deleter, Clock clock) {
        this.deleter = Objects.requireNonNull(deleter, "deleter");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public WipeReport wipe(String jobId, List<WipeArea> areas, WipeProgress progress) {
        long started = System.nanoTime();
        Tally tally = new Tally();
        boolean verified = !areas.isEmpty();
        for (WipeArea area : areas) {
            progress.step("wiping " + area.name());
            if (!isPlainDirectory(area.path())) {
                tally.fail(WipeFailure.AREA_MISSING.at(area.name()));
                verified = false;
                continue;
            }
            empty(area, tally);
            progress.step("verifying " + area.name());
            verified &= area.cleanTemplate().isPresent()
                    ? restoreAndCompare(area, area.cleanTemplate().get(), tally)
                    : isEmpty(area, tally);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new WipeReport(jobId, verified, tally.files, tally.directories, tally.bytes, tally.listed(), millis,
                clock.instant());
    }

    private static boolean isPlainDirectory(Path path) {
        return Files.isDirectory(path, NO_FOLLOW);
    }

    private void empty(WipeArea area, Tally tally) {
        try {
            Files.walkFileTree(area.path(), DO_NOT_FOLLOW, Integer.MAX_VALUE, new Remover(area, tally));
        } catch (IOException e) {
            tally.fail(reason(e).at(area.name()));
        }
    }

    private boolean isEmpty(WipeArea area, Tally tally) {
        try (Stream<Path> left = Files.list(area.path())) {
            long count = left.count();
            if (count == 0) {
                return true;
            }
            tally.fail(WipeFailure.REMAINS.at(area.name(), count + " entries"));
        } catch (IOException e) {
            tally.fail(WipeFailure.CANNOT_VERIFY.at(area.name(), reason(e).code()));
        }
        return false;
    }

    private boolean restoreAndCompare(WipeArea area, Path template, Tally tally) {
        try {
            TreeCopy.copyContents(template, area.path());
            List<String> differences = TreeFingerprint.of(template).differencesTo(TreeFingerprint.of(area.path()));
            if (differences.isEmpty()) {
                return true;
            }
            tally.fail(WipeFailure.DIFFERS_FROM_TEMPLATE.at(area.name(), String.join(", ",
                    differences.subList(0, Math.min(5, differences.size())))));
        } catch (IOException e) {
            tally.fail(WipeFailure.CANNOT_RESTORE_TEMPLATE.at(area.name(), reason(e).code()));
        }
        return false;
    }

    /**
     * What kind of refusal an error is, as a code staff read in their language: never the
     * exception's message (it may carry an absolute path) nor its class name.
     */
    static WipeFailure reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return WipeFailure.ACCESS_DENIED;
        }
        if (e instanceof DirectoryNotEmptyException) {
            return WipeFailure.NOT_EMPTY;
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return WipeFailure.of(fse.getReason());
        }
        return WipeFailure.OTHER;
    }

    /** Removes the entries of one area bottom-up; the area directory itself stays. */
    private final class Remover extends SimpleFileVisitor<Path> {

        private final WipeArea area;
        private final Path root;
        private final Tally tally;
        private final Object rootDevice;
        private final Deque<Long> failuresBefore = new ArrayDeque<>();
        private final Set<Path> reopened = new HashSet<>();

        Remover(WipeArea area, Tally tally) {
            this.area = area;
            this.root = area.path();
            this.tally = tally;
            this.rootDevice = device(root);
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (!dir.equals(root) && rootDevice != null && !rootDevice.equals(device(dir))) {
                failed(dir, WipeFailure.BUSY);
                return FileVisitResult.SKIP_SUBTREE;
            }
            if (!Files.isWritable(dir)) {
                makeWritable(dir, true);
            }
            failuresBefore.push(tally.total);
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (remove(file)) {
                tally.files++;
                if (attrs.isRegularFile()) {
                    tally.bytes += attrs.size();
                }
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
            if (exc instanceof NoSuchFileException) {
                return FileVisitResult.CONTINUE;
            }
            // A directory we may not read: open it up once, then walk it like any other.
            if (Files.isDirectory(file, NO_FOLLOW) && reopened.add(file)) {
                makeWritable(file, true);
                Files.walkFileTree(file, DO_NOT_FOLLOW, Integer.MAX_VALUE, this);
                return FileVisitResult.CONTINUE;
            }
            failed(file, reason(exc));
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
            long before = failuresBefore.pop();
            if (exc != null) {
                failed(dir, reason(exc));
            }
            // A directory that still holds a failed entry cannot go; its entry already says why.
            if (!dir.equals(root) && tally.total == before && remove(dir)) {
                tally.directories++;
            }
            return FileVisitResult.CONTINUE;
        }

        private boolean remove(Path path) {
            try {
                deleter.delete(path);
                return true;
            } catch (NoSuchFileException gone) {
                return false;
            } catch (DirectoryNotEmptyException e) {
                failed(path, WipeFailure.NOT_EMPTY);
                return false;
            } catch (IOException first) {
                // Read-only parent (non-root agent) or a DOS read-only attribute: fix and try once more.
                makeWritable(path.getParent(), true);
                if (!Files.isSymbolicLink(path)) {
                    makeWritable(path, Files.isDirectory(path, NO_FOLLOW));
                }
                try {
                    deleter.delete(path);
                    return true;
                } catch (IOException again) {
                    failed(path, reason(again));
                    return false;
                }
            }
        }

        private void failed(Path path, WipeFailure reason) {
            String relative = root.relativize(path).toString().replace('\\', '/');
            tally.fail(reason.at(area.name() + "/" + relative));
        }
    }

    /** Gives the owner what it needs to remove the entries of a directory, or a file itself. */
    private static void makeWritable(Path path, boolean directory) {
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class, NO_FOLLOW);
            if (posix != null) {
                Set<PosixFilePermission> permissions = EnumSet.copyOf(posix.readAttributes().permissions());
                permissions.add(PosixFilePermission.OWNER_WRITE);
                if (directory) {
                    permissions.add(PosixFilePermission.OWNER_READ);
                    permissions.add(PosixFilePermission.OWNER_EXECUTE);
                }
                posix.setPermissions(permissions);
                return;
            }
            DosFileAttributeView dos = Files.getFileAttributeView(path, DosFileAttributeView.class, NO_FOLLOW);
            if (dos != null) {
                dos.setReadOnly(false);
            }
        } catch (IOException | UnsupportedOperationException e) {
            log.debug("cannot make {} writable: {}", path.getFileName(), e.toString());
        }
    }

    private static Object device(Path path) {
        if (!path.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            return null;
        }
        try {
            return Files.getAttribute(path, "unix:dev", NO_FOLLOW);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    private static final class Tally {
        long files;
        long directories;
        long bytes;
        long total;
        final List<String> failures = new ArrayList<>();

        void fail(String failure) {
            total++;
            if (failures.size() < WipeReport.MAX_FAILURES_LISTED - 1) {
                failures.add(failure);
            }
        }

        List<String> listed() {
            if (total <= failures.size()) {
                return failures;
            }
            List<String> all = new ArrayList<>(failures);
            all.add("and " + (total - failures.size()) + " more failures");
            return all;
        }
    }
}
