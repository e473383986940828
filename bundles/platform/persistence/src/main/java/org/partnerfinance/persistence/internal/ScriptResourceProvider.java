package org.partnerfinance.persistence.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Flyway resource provider over an explicit list of scripts, so that Flyway never scans class paths (which would
 * search other bundles, or nothing at all, inside OSGi).
 */
final class ScriptResourceProvider implements ResourceProvider {

    private final String folder;
    private final List<MigrationScript> scripts;

    ScriptResourceProvider(String folder, List<MigrationScript> scripts) {
        this.folder = folder;
        this.scripts = List.copyOf(scripts);
    }

    @Override
    public LoadableResource getResource(String name) {
        for (MigrationScript s : scripts) {
            if (s.fileName().equals(name) || (folder + "/" + s.fileName()).equals(name)) {
                return new ScriptResource(folder, s);
            }
        }
        return null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> found = new ArrayList<>();
        for (MigrationScript s : scripts) {
            if (!s.fileName().startsWith(prefix)) {
                continue;
            }
            for (String suffix : suffixes) {
                if (s.fileName().endsWith(suffix)) {
                    found.add(new ScriptResource(folder, s));
                    break;
                }
            }
        }
        return found;
    }

    private static final class ScriptResource extends LoadableResource {
        private final String folder;
        private final MigrationScript script;

        ScriptResource(String folder, MigrationScript script) {
            this.folder = folder;
            this.script = script;
        }

        @Override
        public Reader read() {
            try {
                return new BufferedReader(new InputStreamReader(script.url().openStream(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read migration script " + script.url(), e);
            }
        }

        @Override
        public String getAbsolutePath() {
            return folder + "/" + script.fileName();
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return script.url().toExternalForm();
        }

        @Override
        public String getFilename() {
            return script.fileName();
        }

        @Override
        public String getRelativePath() {
            return script.fileName();
        }
    }
}
