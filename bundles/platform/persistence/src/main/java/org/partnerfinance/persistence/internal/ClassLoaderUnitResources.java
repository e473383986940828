package org.partnerfinance.persistence.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/** Unit resources from a plain class loader (class path folders or jars), used outside OSGi. */
final class ClassLoaderUnitResources implements UnitResources {

    private final ClassLoader loader;
    private final URL rootUrl;
    private final String owner;

    ClassLoaderUnitResources(ClassLoader loader, URL rootUrl, String owner) {
        this.loader = loader;
        this.rootUrl = rootUrl;
        this.owner = owner;
    }

    @Override
    public ClassLoader classLoader() {
        return loader;
    }

    @Override
    public URL rootUrl() {
        return rootUrl;
    }

    @Override
    public String owner() {
        return owner;
    }

    @Override
    public List<MigrationScript> migrationScripts(String folder) {
        String dir = trimSlashes(folder);
        List<MigrationScript> scripts = new ArrayList<>();
        try {
            Enumeration<URL> roots = loader.getResources(dir);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if ("file".equals(url.getProtocol())) {
                    listDirectory(Paths.get(url.toURI()), scripts);
                } else if ("jar".equals(url.getProtocol())) {
                    listJar(url, dir, scripts);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list migration scripts in " + folder, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot list migration scripts in " + folder, e);
        }
        return scripts;
    }

    private static void listDirectory(Path dir, List<MigrationScript> scripts) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.sql")) {
            for (Path p : files) {
                if (Files.isRegularFile(p)) {
                    scripts.add(new MigrationScript(p.getFileName().toString(), p.toUri().toURL()));
                }
            }
        }
    }

    private static void listJar(URL url, String dir, List<MigrationScript> scripts) throws IOException {
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            String prefix = dir + "/";
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.startsWith(prefix) && name.endsWith(".sql") && name.indexOf('/', prefix.length()) < 0) {
                    scripts.add(new MigrationScript(name.substring(prefix.length()), jarEntryUrl(url, name, dir)));
                }
            }
        }
    }

    private static URL jarEntryUrl(URL folderUrl, String entry, String dir) throws MalformedURLException {
        String base = folderUrl.toExternalForm();
        return new URL(base.substring(0, base.length() - dir.length()) + entry);
    }

    static String trimSlashes(String folder) {
        String f = folder;
        while (f.startsWith("/")) {
            f = f.substring(1);
        }
        while (f.endsWith("/")) {
            f = f.substring(0, f.length() - 1);
        }
        return f;
    }
}
