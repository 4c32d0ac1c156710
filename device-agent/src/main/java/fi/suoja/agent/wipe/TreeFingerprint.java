package fi.suoja.agent.wipe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Names, kinds, sizes and SHA-256 of everything under a directory, to prove two trees equal. */
final class TreeFingerprint {

    private final Map<String, String> entries;

    private TreeFingerprint(Map<String, String> entries) {
        this.entries = entries;
    }

    static TreeFingerprint of(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root)) {
                    entries.put(name(root, dir), "directory");
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String what;
                if (attrs.isSymbolicLink()) {
                    what = "link to " + Files.readSymbolicLink(file);
                } else if (attrs.isRegularFile()) {
                    what = "file of " + attrs.size() + " bytes, sha256 " + sha256(file);
                } else {
                    what = "special file";
                }
                entries.put(name(root, file), what);
                return FileVisitResult.CONTINUE;
            }
        });
        return new TreeFingerprint(entries);
    }

    /** Relative names that are missing, extra or different in {@code other}. */
    List<String> differencesTo(TreeFingerprint other) {
        List<String> differences = new ArrayList<>();
        for (String name : union(other)) {
            String mine = entries.get(name);
            String theirs = other.entries.get(name);
            if (mine == null) {
                differences.add(name + " (extra)");
            } else if (theirs == null) {
                differences.add(name + " (missing)");
            } else if (!mine.equals(theirs)) {
                differences.add(name + " (changed)");
            }
        }
        return differences;
    }

    private TreeSet<String> union(TreeFingerprint other) {
        TreeSet<String> names = new TreeSet<>(entries.keySet());
        names.addAll(other.entries.keySet());
        return names;
    }

    private static String name(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
