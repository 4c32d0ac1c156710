package fi.suoja.agent.config;

import fi.suoja.agent.wipe.WipeArea;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which directories may be wipe areas. A wipe removes everything inside an area, so an area must
 * belong to the guest alone: never the root, a home root, a system directory or anything that
 * holds one, never the agent's own files, never another area, and never through a link to any of
 * these. Both the written path and the path it resolves to are checked.
 */
final class WipeAreaRules {

    /** An area may not be, hold or lie inside any of these. */
    private static final List<Path> SYSTEM_TREES = unix("/etc", "/usr", "/bin", "/sbin", "/boot", "/var", "/opt",
            "/root", "/proc", "/sys", "/dev", "/run", "/snap", "/srv");
    /** An area may lie inside these (one user's home, a temp directory) but not be or hold them. */
    private static final List<Path> SHARED_ROOTS = unix("/home", "/Users", "/tmp");
    private static final List<Path> WINDOWS_SYSTEM_TREES = windows("Windows", "Program Files", "Program Files (x86)",
            "ProgramData");
    private static final List<Path> WINDOWS_SHARED_ROOTS = windows("Users");

    /** A wipe area as written in the file, before any check. */
    record Candidate(String name, String path, String template) {
    }

    private final Map<String, Path> ownFiles;

    /** @param ownFiles what the agent needs to keep running, by a name for messages ("state directory") */
    WipeAreaRules(Map<String, Path> ownFiles) {
        this.ownFiles = ownFiles;
    }

    List<WipeArea> check(List<Candidate> candidates, List<String> problems) {
        List<WipeArea> accepted = new ArrayList<>();
        for (Candidate candidate : candidates) {
            String key = "wipe.area." + candidate.name();
            int before = problems.size();
            Optional<Path> written = absolute(key, candidate.path(), problems);
            if (written.isEmpty()) {
                continue;
            }
            // The written path is judged before anything else, so "/etc" is refused as a system
            // directory even on a machine where it happens not to exist.
            Optional<String> refused = refusal(written.get());
            if (refused.isPresent()) {
                problems.add(key + " = " + candidate.path() + ": " + refused.get());
                continue;
            }
            Optional<Path> real = directory(key, candidate.path(), problems);
            if (real.isEmpty()) {
                continue;
            }
            if (!real.get().equals(written.get())) {
                refusal(real.get()).ifPresent(why -> problems.add(key + " = " + candidate.path()
                        + ": resolves through a link to " + real.get() + ", which " + why));
            }
            for (Map.Entry<String, Path> own : ownFiles.entrySet()) {
                Path ownPath = resolvedAsFarAsItExists(own.getValue());
                if (ownPath.startsWith(real.get())) {
                    problems.add(key + " = " + candidate.path() + ": holds the agent's own " + own.getKey() + " "
                            + own.getValue());
                } else if (real.get().startsWith(ownPath)) {
                    problems.add(key + " = " + candidate.path() + ": lies inside the agent's own " + own.getKey()
                            + " " + own.getValue());
                }
            }
            Path template = null;
            if (candidate.template() != null) {
                Optional<Path> realTemplate = directory(key + ".template", candidate.template(), problems);
                if (realTemplate.isPresent()) {
                    template = realTemplate.get();
                    if (template.startsWith(real.get()) || real.get().startsWith(template)) {
                        problems.add(key + ".template = " + candidate.template()
                                + ": a clean template may not be inside its area or hold it");
                    }
                }
            }
            if (problems.size() == before) {
                accepted.add(new WipeArea(candidate.name(), real.get(), template));
            }
        }
        checkNoNesting(accepted, candidates, problems);
        return accepted;
    }

    /** Templates must stay out of every area, not just their own; areas must not hold each other. */
    private static void checkNoNesting(List<WipeArea> areas, List<Candidate> candidates, List<String> problems) {
        for (int i = 0; i < areas.size(); i++) {
            for (int j = 0; j < areas.size(); j++) {
                WipeArea a = areas.get(i);
                WipeArea b = areas.get(j);
                if (i != j && a.path().startsWith(b.path())) {
                    problems.add("wipe.area." + a.name() + " = " + written(candidates, a) + ": "
                            + (a.path().equals(b.path()) ? "is the same directory as" : "lies inside")
                            + " wipe.area." + b.name() + "; name each directory once");
                }
                if (i != j && a.template() != null
                        && (a.template().startsWith(b.path()) || b.path().startsWith(a.template()))) {
                    problems.add("wipe.area." + a.name() + ".template: overlaps wipe.area." + b.name()
                            + ", so the wipe would destroy the template");
                }
            }
        }
    }

    private static String written(List<Candidate> candidates, WipeArea area) {
        return candidates.stream().filter(c -> c.name().equals(area.name())).findFirst().map(Candidate::path)
                .orElse(area.path().toString());
    }

    /** The value as an absolute, normalized path; else a problem. */
    private static Optional<Path> absolute(String key, String value, List<String> problems) {
        if (value.isBlank()) {
            problems.add(key + " is empty; give an absolute directory path");
            return Optional.empty();
        }
        try {
            Path path = Path.of(value);
            if (!path.isAbsolute()) {
                problems.add(key + " = " + value + ": must be an absolute path");
                return Optional.empty();
            }
            return Optional.of(path.normalize());
        } catch (InvalidPathException e) {
            problems.add(key + " = " + value + ": not a valid path (" + e.getReason() + ")");
            return Optional.empty();
        }
    }

    /** An existing directory given as an absolute path, resolved through links; else a problem. */
    private static Optional<Path> directory(String key, String value, List<String> problems) {
        if (value.isBlank()) {
            problems.add(key + " is empty; give an absolute directory path");
            return Optional.empty();
        }
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException e) {
            problems.add(key + " = " + value + ": not a valid path (" + e.getReason() + ")");
            return Optional.empty();
        }
        if (!path.isAbsolute()) {
            problems.add(key + " = " + value + ": must be an absolute path");
            return Optional.empty();
        }
        if (!Files.isDirectory(path)) {
            problems.add(key + " = " + value + ": " + (Files.exists(path) ? "is not a directory" : "does not exist"));
            return Optional.empty();
        }
        try {
            return Optional.of(path.toRealPath());
        } catch (IOException e) {
            problems.add(key + " = " + value + ": cannot be resolved (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    /** Why this absolute, normalized path may not be wiped; empty if it may. */
    static Optional<String> refusal(Path path) {
        if (path.getNameCount() == 0) {
            return Optional.of("is the root of the file system");
        }
        for (Path tree : systemTrees(path)) {
            if (path.equals(tree)) {
                return Optional.of("is the system directory " + tree);
            }
            if (path.startsWith(tree)) {
                return Optional.of("lies inside the system directory " + tree);
            }
            if (tree.startsWith(path)) {
                return Optional.of("holds the system directory " + tree);
            }
        }
        if (isLibraryDirectory(path)) {
            return Optional.of("lies in the system library directory /" + path.getName(0));
        }
        for (Path shared : sharedRoots(path)) {
            if (path.equals(shared)) {
                return Optional.of("is " + shared + " itself, shared by everyone; name one directory inside it");
            }
            if (shared.startsWith(path)) {
                return Optional.of("holds " + shared + ", shared by everyone");
            }
        }
        return Optional.empty();
    }

    /** {@code /lib}, {@code /lib64}, {@code /libx32} and the like, whatever the distribution calls them. */
    private static boolean isLibraryDirectory(Path path) {
        return path.getRoot() != null && "/".equals(path.getRoot().toString())
                && path.getName(0).toString().startsWith("lib");
    }

    private static List<Path> systemTrees(Path path) {
        return isWindows(path) ? onDrive(path, WINDOWS_SYSTEM_TREES) : SYSTEM_TREES;
    }

    private static List<Path> sharedRoots(Path path) {
        return isWindows(path) ? onDrive(path, WINDOWS_SHARED_ROOTS) : SHARED_ROOTS;
    }

    private static boolean isWindows(Path path) {
        return path.getRoot() != null && !"/".equals(path.getRoot().toString());
    }

    private static List<Path> onDrive(Path path, List<Path> relative) {
        return relative.stream().map(p -> path.getRoot().resolve(p)).toList();
    }

    private static List<Path> unix(String... paths) {
        return isWindowsHost() ? List.of() : java.util.Arrays.stream(paths).map(Path::of).toList();
    }

    private static List<Path> windows(String... names) {
        return isWindowsHost() ? java.util.Arrays.stream(names).map(Path::of).toList() : List.of();
    }

    private static boolean isWindowsHost() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }

    /** The real path of the longest existing part, with the rest appended: links cannot hide it. */
    static Path resolvedAsFarAsItExists(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return absolute;
        }
    }
}
