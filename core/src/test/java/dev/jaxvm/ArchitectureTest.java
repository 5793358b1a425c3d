package dev.jaxvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package layering of DESIGN.md, checked on the sources: the subpackages of {@code dev.jaxvm}
 * form an acyclic graph that respects the layer order; the root package holds the vocabulary
 * ({@code Array}, {@code DType}, ...) that every layer may use, and the facade ({@code Jax}).
 */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/jaxvm");
    /** Each layer may import only layers listed before it. */
    private static final List<String> LAYERS = List.of(
            "core", "tree", "ir", "compile", "lax", "transform", "numpy", "scipy", "random", "image");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.jaxvm\\.([a-z]+)\\.", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\bdev\\.jaxvm\\.([a-z]+)\\.[A-Z]");

    @Test
    void packagesRespectTheLayerOrder() throws IOException {
        Map<String, Set<String>> deps = dependencies();
        List<String> violations = new ArrayList<>();
        deps.forEach((pkg, uses) -> {
            int level = LAYERS.indexOf(pkg);
            assertTrue(level >= 0, "package dev.jaxvm." + pkg + " is not in the layer list of ArchitectureTest");
            for (String u : uses) {
                if (!u.equals(pkg) && LAYERS.indexOf(u) > level) violations.add(pkg + " -> " + u);
            }
        });
        assertEquals(List.of(), violations, "upward package dependencies (layers: " + LAYERS + ")");
    }

    @Test
    void printsLinesPerPackage() throws IOException {
        Map<String, Integer> lines = new TreeMap<>();
        List<String> large = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                int n = Files.readAllLines(f).size();
                lines.merge(SOURCES.relativize(f.getParent()).toString(), n, Integer::sum);
                if (n > 600) large.add(f + " (" + n + " lines)");
            }
        }
        System.out.println("lines per package: " + lines);
        assertEquals(List.of(), large, "files over 600 lines: split them (DESIGN.md asks for about 400)");
    }

    private static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> deps = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path rel = SOURCES.relativize(f);
                if (rel.getNameCount() < 2) continue; // the root package: vocabulary and facade
                String pkg = rel.getName(0).toString();
                String src = Files.readString(f);
                Set<String> uses = deps.computeIfAbsent(pkg, k -> new TreeSet<>());
                for (Pattern p : List.of(IMPORT, QUALIFIED)) {
                    Matcher m = p.matcher(src);
                    while (m.find()) uses.add(m.group(1));
                }
            }
        }
        return deps;
    }
}
