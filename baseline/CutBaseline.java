import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Cuts the API baseline of a release from built bundles: for each bundle, a jar with only its exported
 * {@code org.partnerfinance} packages (classes and manifest headers), written to a Maven repository layout under the
 * given folder as {@code org.partnerfinance:<artifactId>:<version>}. The build compares every bundle's API packages
 * with these jars (bnd baselining, see docs/api-baseline.md).
 *
 * <pre>java baseline/CutBaseline.java &lt;version&gt; &lt;repository folder&gt; &lt;bundle.jar&gt;...</pre>
 */
public class CutBaseline {

    private static final String GROUP = "org.partnerfinance";
    private static final long FIXED_TIME = 1_700_000_000_000L; // byte-identical jars for identical classes

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: java baseline/CutBaseline.java <version> <repository folder> <bundle.jar>...");
            System.exit(2);
        }
        String version = args[0];
        Path repository = Path.of(args[1]);
        for (int i = 2; i < args.length; i++) {
            cut(Path.of(args[i]), version, repository);
        }
    }

    private static void cut(Path bundle, String version, Path repository) throws IOException {
        try (JarFile jar = new JarFile(bundle.toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            String symbolicName = main.getValue("Bundle-SymbolicName").split(";")[0].trim();
            if (!symbolicName.startsWith(GROUP + ".")) {
                throw new IllegalArgumentException(bundle + " is not a bundle of " + GROUP + ": " + symbolicName);
            }
            String artifactId = symbolicName.substring(GROUP.length() + 1);
            List<String> exports = new ArrayList<>();
            List<String> packages = new ArrayList<>();
            for (String clause : clauses(main.getValue("Export-Package"))) {
                String name = clause.split(";")[0].trim();
                if (name.startsWith(GROUP + ".")) {
                    exports.add(clause.trim());
                    packages.add(name.replace('.', '/') + "/");
                }
            }
            if (exports.isEmpty()) {
                throw new IllegalArgumentException(bundle + " exports no " + GROUP + " package");
            }
            Manifest manifest = new Manifest();
            Attributes out = manifest.getMainAttributes();
            out.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            out.putValue("Bundle-ManifestVersion", "2");
            out.putValue("Bundle-SymbolicName", symbolicName);
            out.putValue("Bundle-Version", version);
            out.putValue("Export-Package", String.join(",", exports));

            Path folder = repository.resolve(GROUP.replace('.', '/')).resolve(artifactId).resolve(version);
            Files.createDirectories(folder);
            Path target = folder.resolve(artifactId + "-" + version + ".jar");
            int classes = 0;
            try (OutputStream file = Files.newOutputStream(target); JarOutputStream zip = new JarOutputStream(file)) {
                JarEntry manifestEntry = new JarEntry(JarFile.MANIFEST_NAME);
                manifestEntry.setTime(FIXED_TIME);
                zip.putNextEntry(manifestEntry);
                manifest.write(zip);
                zip.closeEntry();
                List<JarEntry> entries = new ArrayList<>();
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    entries.add(e.nextElement());
                }
                entries.sort((a, b) -> a.getName().compareTo(b.getName()));
                for (JarEntry entry : entries) {
                    String name = entry.getName();
                    int slash = name.lastIndexOf('/');
                    if (entry.isDirectory() || slash < 0 || !packages.contains(name.substring(0, slash + 1))) {
                        continue; // only the files directly in an exported package
                    }
                    JarEntry copy = new JarEntry(name);
                    copy.setTime(FIXED_TIME);
                    zip.putNextEntry(copy);
                    try (InputStream in = jar.getInputStream(entry)) {
                        in.transferTo(zip);
                    }
                    zip.closeEntry();
                    classes++;
                }
            }
            Files.writeString(folder.resolve(artifactId + "-" + version + ".pom"), """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <project xmlns="http://maven.apache.org/POM/4.0.0">
                      <modelVersion>4.0.0</modelVersion>
                      <groupId>%s</groupId>
                      <artifactId>%s</artifactId>
                      <version>%s</version>
                      <packaging>bundle</packaging>
                      <description>API baseline (exported packages only) for bnd baselining; not a usable bundle.</description>
                    </project>
                    """.formatted(GROUP, artifactId, version));
            System.out.println(target + ": " + String.join(", ", exports.stream().map(c -> c.split(";")[0]).toList())
                    + " (" + classes + " files)");
        }
    }

    /** Splits a manifest header into clauses at commas outside quoted strings. */
    private static List<String> clauses(String header) {
        List<String> result = new ArrayList<>();
        if (header == null) {
            return result;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                result.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            result.add(current.toString());
        }
        return result;
    }
}
