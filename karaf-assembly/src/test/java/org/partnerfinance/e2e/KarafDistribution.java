package org.partnerfinance.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The built Partner Finance Portal distribution (the module's tar.gz), unpacked into a folder of its own and run as a
 * separate process, as an operator would: {@code bin/start}, {@code bin/client}, {@code bin/stop}.
 *
 * <p>Every instance gets free ports for HTTP, SSH and (when the management feature is present) RMI, so it can run
 * beside a portal already started on the default ports. A JVM shutdown hook kills a Karaf that was not stopped (e.g.
 * when the test JVM is interrupted).
 */
public final class KarafDistribution implements AutoCloseable {

    /** System property naming the tar.gz to test; failsafe sets it (see karaf-assembly/pom.xml). */
    public static final String DISTRIBUTION_PROPERTY = "pf.distribution";

    /**
     * The console account the tests add to etc/users.properties, as an operator would (the distribution ships none).
     * Its password is new for every unpacked copy.
     */
    private static final String OPERATOR = "pf-e2e";

    /** What the demo data logs once all of it is in the database (DemoData.COMPLETE). */
    static final String DEMO_COMPLETE = "Demo data is complete";

    private final Path home;
    private final int httpPort;
    private final int sshPort;
    private final String operatorPassword = "e2e-" + java.util.UUID.randomUUID();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private volatile ProcessHandle karaf;
    private final Thread killer = new Thread(this::killQuietly, "karaf-killer");
    private boolean hookInstalled;

    private KarafDistribution(Path home, int httpPort, int sshPort) {
        this.home = home;
        this.httpPort = httpPort;
        this.sshPort = sshPort;
    }

    /**
     * The distribution archive: the system property {@value #DISTRIBUTION_PROPERTY}, else the newest
     * {@code target/pf-karaf-assembly-*.tar.gz} below the working directory.
     */
    public static Path archive() {
        String configured = System.getProperty(DISTRIBUTION_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path path = Paths.get(configured);
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException("Distribution " + path + " does not exist: build it first "
                        + "(mvn install -pl karaf-assembly -DskipTests)");
            }
            return path;
        }
        for (Path target : List.of(Paths.get("target"), Paths.get("karaf-assembly", "target"))) {
            if (!Files.isDirectory(target)) {
                continue;
            }
            try (Stream<Path> files = Files.list(target)) {
                Optional<Path> newest = files
                        .filter(p -> p.getFileName().toString().matches("pf-karaf-assembly-.*\\.tar\\.gz"))
                        .max(Comparator.comparing(p -> p.toFile().lastModified()));
                if (newest.isPresent()) {
                    return newest.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("No pf-karaf-assembly-*.tar.gz found in target/: build the distribution "
                + "first (mvn install -pl karaf-assembly -DskipTests) or set -D" + DISTRIBUTION_PROPERTY);
    }

    /**
     * Unpacks the archive into a new folder {@code <parent>/<prefix>-<n>} (the first n not taken) and gives it free
     * ports. Nothing is started yet.
     */
    public static KarafDistribution unpack(Path archive, Path parent, String prefix) throws IOException {
        Files.createDirectories(parent);
        // createDirectory is atomic: two test JVMs unpacking at once never share a folder
        Path home;
        for (int n = 1;; n++) {
            home = parent.resolve(prefix + "-" + n);
            try {
                Files.createDirectory(home);
                break;
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                // next number
            }
        }
        run(List.of("tar", "-xzf", archive.toAbsolutePath().toString(), "-C", home.toString(),
                "--strip-components=1"), Duration.ofMinutes(2));
        if (!Files.isExecutable(home.resolve("bin/start"))) {
            throw new IllegalStateException(archive + " did not unpack into a Karaf distribution at " + home);
        }
        KarafDistribution distribution = new KarafDistribution(home, freePort(), freePort());
        distribution.configurePorts();
        distribution.addOperatorAccount();
        return distribution;
    }

    /**
     * Adds the tests' console account to etc/users.properties in clear text, as the file's comment tells operators;
     * Karaf replaces the password by its digest at the first sign-in.
     */
    private void addOperatorAccount() throws IOException {
        Path users = home.resolve("etc/users.properties");
        Files.writeString(users, OPERATOR + " = " + operatorPassword + ",_g_:admingroup\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
    }

    /** Deletes the folders {@code <parent>/<prefix>-<n>} left by earlier runs. */
    public static void deleteEarlierRuns(Path parent, String prefix) throws IOException {
        if (!Files.isDirectory(parent)) {
            return;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, prefix + "-[0-9]*")) {
            for (Path dir : dirs) {
                deleteTree(dir);
            }
        }
    }

    private void configurePorts() throws IOException {
        setProperty(home.resolve("etc/org.apache.felix.http.cfg"), "org.osgi.service.http.port",
                String.valueOf(httpPort));
        setProperty(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", String.valueOf(sshPort));
        Path management = home.resolve("etc/org.apache.karaf.management.cfg");
        if (Files.exists(management)) {
            setProperty(management, "rmiRegistryPort", String.valueOf(freePort()));
            setProperty(management, "rmiServerPort", String.valueOf(freePort()));
        }
    }

    /** Replaces {@code key = value} in a .cfg file, or appends it. */
    static void setProperty(Path file, String key, String value) throws IOException {
        List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : new ArrayList<>();
        Pattern pattern = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*[=:].*$");
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            if (pattern.matcher(lines.get(i)).matches()) {
                lines.set(i, key + " = " + value);
                replaced = true;
            }
        }
        if (!replaced) {
            lines.add(key + " = " + value);
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    public Path home() {
        return home;
    }

    public int httpPort() {
        return httpPort;
    }

    public int sshPort() {
        return sshPort;
    }

    /** {@code http://localhost:<port>} without a trailing slash. */
    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    public Path log() {
        return home.resolve("data/log/karaf.log");
    }

    /** Runs {@code bin/start} (which returns at once) and waits until the Karaf JVM has written its pid file. */
    public void start() throws IOException {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(killer);
            hookInstalled = true;
        }
        Files.deleteIfExists(home.resolve("karaf.pid"));
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/start").toString()).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(home.resolve("start.out").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("KARAF_REDIRECT", home.resolve("karaf.out").toString());
        Process start = builder.start();
        try {
            if (!start.waitFor(60, TimeUnit.SECONDS)) {
                start.destroyForcibly();
                throw new IllegalStateException("bin/start did not return within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting Karaf", e);
        }
        Deadline deadline = Deadline.in(Duration.ofSeconds(30));
        Path pidFile = home.resolve("karaf.pid");
        while (true) {
            Optional<ProcessHandle> handle = readPid(pidFile).flatMap(ProcessHandle::of);
            if (handle.isPresent()) {
                karaf = handle.get();
                return;
            }
            deadline.pause("Karaf wrote no pid file " + pidFile + " (see " + home.resolve("karaf.out") + ")");
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            String text = Files.readString(pidFile, StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Process id of the running Karaf JVM. */
    public long pid() {
        return requireRunning().pid();
    }

    public boolean running() {
        ProcessHandle handle = karaf;
        return handle != null && handle.isAlive();
    }

    private ProcessHandle requireRunning() {
        ProcessHandle handle = karaf;
        if (handle == null || !handle.isAlive()) {
            throw new IllegalStateException("Karaf is not running; see " + log() + " and " + home.resolve("karaf.out"));
        }
        return handle;
    }

    /** True when the SSH port accepts a connection and sends the SSH identification string. */
    public boolean sshAnswers() {
        try (Socket socket = new Socket()) {
            // the console listens on the IPv4 loopback address only (sshHost in etc/org.apache.karaf.shell.cfg)
            socket.connect(new InetSocketAddress("127.0.0.1", sshPort), 500);
            socket.setSoTimeout(2000);
            InputStream in = socket.getInputStream();
            byte[] banner = new byte[4];
            int read = in.readNBytes(banner, 0, 4);
            return read == 4 && new String(banner, StandardCharsets.US_ASCII).equals("SSH-");
        } catch (IOException e) {
            return false;
        }
    }

    /** HTTP status of a GET of {@code path} (e.g. "/login"), or -1 when nothing answers. */
    public int httpStatus(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(5))
                    .GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * Waits until {@code GET /login} answers 200. Fails at once with {@link BootDeadlockException} when the boot is
     * stuck in the known feature-provisioning deadlock (see {@link #bootDeadlock()}), checked after
     * {@code suspectAfter} without an answer.
     */
    public void awaitPortal(Duration timeout, Duration suspectAfter) throws IOException {
        Deadline deadline = Deadline.in(timeout);
        long suspect = System.nanoTime() + suspectAfter.toNanos();
        int status;
        while ((status = httpStatus("/login")) != 200) {
            requireRunning();
            if (System.nanoTime() - suspect >= 0) {
                failOnBootDeadlock();
                suspect = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            }
            deadline.pause("GET " + baseUrl() + "/login did not answer 200 (last status " + status + "); see "
                    + log());
        }
    }

    /**
     * Throws {@link BootDeadlockException} (and saves the thread dump as {@code boot-deadlock-threads.txt}) when Karaf
     * is stuck in the boot deadlock.
     */
    public void failOnBootDeadlock() throws IOException {
        Optional<String> dump = bootDeadlock();
        if (dump.isPresent()) {
            Path file = home.resolve("boot-deadlock-threads.txt");
            Files.writeString(file, dump.get(), StandardCharsets.UTF_8);
            throw new BootDeadlockException("Karaf at " + home + " is stuck at boot: the boot feature installation "
                    + "(FelixStartLevel thread, BootFeaturesInstaller) waits for the features deployer, which waits for "
                    + "a bundle lock held by the FelixStartLevel thread to stop bundles for a refresh. Thread dump: "
                    + file);
        }
    }

    /**
     * A thread dump of Karaf when it shows the boot deadlock: the start-level thread installs the boot features
     * synchronously from the features bundle's activator and waits for the deployer thread, which waits in
     * {@code Felix.acquireBundleLock} to stop a bundle for a refresh.
     */
    public Optional<String> bootDeadlock() throws IOException {
        String dump;
        try {
            dump = run(List.of(jdkTool("jcmd"), String.valueOf(pid()), "Thread.print"), Duration.ofMinutes(1));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
        boolean bootWaits = dump.contains("BootFeaturesInstaller.installBootFeatures");
        boolean deployerWaits = Pattern.compile("Felix\\.acquireBundleLock[^\\n]*\\n[^\\n]*Felix\\.stopBundle")
                .matcher(dump).find();
        return bootWaits && deployerWaits ? Optional.of(dump) : Optional.empty();
    }

    /** A JDK tool (jcmd, jstat, ...) of the JDK running Karaf, or from the PATH. */
    public String jdkTool(String name) {
        Optional<String> java = Optional.ofNullable(karaf).flatMap(h -> h.info().command());
        if (java.isPresent()) {
            Path tool = Paths.get(java.get()).resolveSibling(name);
            if (Files.isExecutable(tool)) {
                return tool.toString();
            }
        }
        return name;
    }

    /** Karaf hung at boot in a known deadlock (a product bug); the caller may start a fresh copy. */
    public static final class BootDeadlockException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        BootDeadlockException(String message) {
            super(message);
        }
    }

    /** Opens an interactive {@code bin/client} session as the operator account. Close it when done. */
    public KarafShell openShell(Duration timeout) throws IOException {
        requireRunning();
        return KarafShell.open(home, sshPort, OPERATOR, operatorPassword, timeout);
    }

    /**
     * Installs the demo ({@code feature:install pf-demo}, as the README tells) and waits until the demo data reports
     * that its partners, users and sample claims are in the database.
     */
    public void installDemo(Duration timeout) throws IOException {
        shell("feature:install pf-demo");
        awaitLog(DEMO_COMPLETE, timeout);
    }

    /** Waits until Karaf's log has a line containing the text. */
    public void awaitLog(String text, Duration timeout) throws IOException {
        Deadline deadline = Deadline.in(timeout);
        while (!logContains(text)) {
            requireRunning();
            deadline.pause("Karaf's log " + log() + " shows no '" + text + "'");
        }
    }

    private boolean logContains(String text) throws IOException {
        if (!Files.exists(log())) {
            return false;
        }
        try (Stream<String> lines = Files.lines(log(), StandardCharsets.UTF_8)) {
            return lines.anyMatch(line -> line.contains(text));
        } catch (java.io.UncheckedIOException e) {
            return false; // a line being written with a partial character: look again
        }
    }

    /**
     * Runs Karaf shell commands, one after the other, in one {@code bin/client} session and returns their output.
     * Fails when a command reports an error.
     */
    public String shell(String... commands) throws IOException {
        StringBuilder out = new StringBuilder();
        try (KarafShell shell = openShell(Duration.ofSeconds(60))) {
            for (String command : commands) {
                out.append(shell.run(command, Duration.ofMinutes(3)));
            }
        }
        return out.toString();
    }

    /** {@code bin/stop}, then waits for the JVM to end; kills it when it does not end within the timeout. */
    public void stop(Duration timeout) throws IOException {
        ProcessHandle handle = karaf;
        if (handle == null || !handle.isAlive()) {
            return;
        }
        try {
            run(List.of(home.resolve("bin/stop").toString()), Duration.ofSeconds(60));
        } catch (IllegalStateException e) {
            // bin/stop failed (e.g. the shutdown port file is missing): fall through to killing the process
        }
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            kill(handle);
        } catch (ExecutionException e) {
            kill(handle);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(handle);
        }
        karaf = null;
    }

    /** Kills the Karaf JVM without {@code bin/stop} (e.g. when it hangs), then removes the shutdown hook. */
    public void kill() throws IOException {
        ProcessHandle handle = karaf;
        if (handle != null && handle.isAlive()) {
            kill(handle);
        }
        karaf = null;
        close();
    }

    private static void kill(ProcessHandle handle) {
        handle.destroy();
        try {
            handle.onExit().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.destroyForcibly();
        } catch (ExecutionException | TimeoutException e) {
            handle.destroyForcibly();
        }
    }

    private void killQuietly() {
        ProcessHandle handle = karaf;
        if (handle != null && handle.isAlive()) {
            handle.destroyForcibly();
        }
    }

    /** Stops Karaf (if running) and removes the shutdown hook. The unpacked folder stays for inspection. */
    @Override
    public void close() throws IOException {
        try {
            stop(Duration.ofSeconds(60));
        } finally {
            if (hookInstalled) {
                try {
                    Runtime.getRuntime().removeShutdownHook(killer);
                } catch (IllegalStateException e) {
                    // the JVM is shutting down already; the hook runs anyway
                }
                hookInstalled = false;
            }
        }
    }

    /** Runs a command, waits for it (at most the timeout) and returns its output; fails on a non-zero exit. */
    public static String run(List<String> command, Duration timeout) throws IOException {
        Path output = Files.createTempFile("pf-e2e-command", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(command + " did not finish within " + timeout);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IllegalStateException("Interrupted: " + command, e);
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed with exit code " + process.exitValue() + ": "
                        + text);
            }
            return text;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Deletes a folder with everything in it (e.g. an unpacked distribution that is no longer needed). */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
