package org.partnerfinance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;
import javax.security.auth.Subject;

import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.After;
import org.junit.Rule;
import org.junit.rules.TestRule;
import org.junit.runner.RunWith;
import org.junit.runners.model.Statement;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Base class of the integration tests: boots the distribution this module builds (the tar.gz, unpacked afresh under
 * target/exam for each test class and deleted afterwards; Karaf's log is kept as target/exam-logs/&lt;test class&gt;.log)
 * and offers helpers to get services, run shell commands and wait for conditions.
 *
 * <p>The test JVM is told by failsafe where the distribution is ({@code pf.distribution}) and which Maven repository to
 * use ({@code maven.repo.local}); Karaf inside resolves Pax Exam's own bundles from that repository. Every booted
 * distribution gets free HTTP and SSH ports, so tests can run beside a started portal. The test methods run inside
 * Karaf (in the test probe bundle); the {@link #config()} method runs in the test JVM.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public abstract class PfTestSupport {

    /** Default time to wait for a service or a condition. */
    public static final Duration TIMEOUT = Duration.ofSeconds(90);

    /**
     * How long to wait for what the distribution does in the background after boot (installing the boot features; the
     * demo feature creating its users, sample claims and finance history): on a build machine busy with other test
     * classes and browsers this has taken minutes. Only a cap on the wait: the tests go on as soon as it is done.
     */
    public static final Duration BACKGROUND_TIMEOUT = Duration.ofMinutes(5);

    /**
     * Roles of the operator the tests run shell commands as: those of the {@code admingroup} in etc/users.properties,
     * which an operator account joins. The distribution ships no account; the tests need none, because they run
     * commands in sessions of their own with these principals instead of signing in.
     */
    private static final String[] OPERATOR_ROLES = {"admin", "manager", "viewer", "systembundles", "ssh"};

    /** Name of the operator the tests run shell commands as (audit records show it as {@code shell:pf-itest}). */
    public static final String OPERATOR = "pf-itest";

    /** Framework property that makes the portal install the pf-demo feature after boot ({@code bin/demo} sets it). */
    public static final String DEMO_PROPERTY = "pf.demo";

    /** System property inside the container holding the HTTP port the portal listens on. */
    public static final String HTTP_PORT_PROPERTY = "pf.test.http.port";

    /** Path of the integrators' template connector jar (bundles/connectors/template), also inside Karaf. */
    public static final String TEMPLATE_CONNECTOR_PROPERTY = "pf.connector.template";

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected FeaturesService featuresService;

    private final ExecutorService executor = Executors.newCachedThreadPool();

    /** Trackers of the services handed out, kept open so that the services stay in use until the test ends. */
    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();

    /**
     * Test failures travel from Karaf to the test JVM serialized. An exception of the portal (or one with such a cause,
     * e.g. EclipseLink's) cannot be read there, and its report would be a ClassNotFoundException instead of the
     * failure: failures with a cause or of another type than AssertionError are turned into an AssertionError that
     * carries the whole stack trace as text.
     */
    @Rule
    public final TestRule readableFailures = (base, description) -> new Statement() {
        @Override
        public void evaluate() throws Throwable {
            try {
                base.evaluate();
            } catch (org.junit.AssumptionViolatedException e) {
                throw e;
            } catch (Throwable t) {
                if (t instanceof AssertionError && t.getCause() == null) {
                    throw t;
                }
                StringWriter trace = new StringWriter();
                t.printStackTrace(new PrintWriter(trace));
                AssertionError readable = new AssertionError(trace.toString());
                readable.setStackTrace(t.getStackTrace());
                throw readable;
            }
        }
    };

    @After
    public void releaseServicesAndThreads() {
        executor.shutdownNow();
        trackers.forEach(ServiceTracker::close);
        trackers.clear();
    }

    @Configuration
    public Option[] config() {
        List<Option> options = new ArrayList<>(Arrays.asList(baseOptions()));
        options.addAll(Arrays.asList(additionalOptions()));
        return options.toArray(new Option[0]);
    }

    /** Options that boot the built distribution. */
    protected Option[] baseOptions() {
        String distribution = requiredProperty("pf.distribution");
        if (!new File(distribution).isFile()) {
            throw new IllegalStateException("The distribution " + distribution + " has not been built: run "
                    + "'mvn verify' in karaf-assembly (or the whole build) first");
        }
        String localRepository = requiredProperty("maven.repo.local");
        // Karaf's log goes next to the unpacked distributions, which are deleted after each test class; it holds the
        // latest run of the test class only
        File logFolder = new File(System.getProperty("pf.exam.logs", "target/exam-logs"));
        String logName = getClass().getSimpleName() + ".log";
        File[] earlierLogs = logFolder.listFiles((folder, name) -> name.startsWith(logName));
        for (File earlier : earlierLogs == null ? new File[0] : earlierLogs) {
            if (!earlier.delete()) {
                throw new IllegalStateException("Cannot delete the old log " + earlier);
            }
        }
        String log = new File(logFolder, logName).getAbsolutePath();
        String httpPort = Integer.toString(freePort());
        String sshPort = Integer.toString(freePort());
        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl(new File(distribution).toURI().toString())
                    .name("Partner Finance Portal")
                    .karafVersion(requiredProperty("pf.karaf.version"))
                    .unpackDirectory(new File(System.getProperty("pf.exam.dir", "target/exam")))
                    .useDeployFolder(false),
            configureConsole().ignoreLocalConsole(),
            // how long Pax Exam waits for the container's remote bundle context and, for every test method, for the
            // probe's invoker inside Karaf (the probe is installed while the boot features may still be installing).
            // Its default (3 minutes) is too short on a loaded build machine, where the boot alone has taken that
            // long; a little more than the extender's own wait for the invoker (below), so that a probe that never
            // runs fails each test after minutes, not hours. -Dpf.exam.timeout=<ms>. Pax Exam takes the last
            // systemTimeout option given: there is only this one.
            systemTimeout(Long.getLong("pf.exam.timeout", TimeUnit.MINUTES.toMillis(6))),
            logLevel(LogLevel.INFO),
            // Karaf resolves mvn: URLs (Pax Exam's bundles, feature:install of anything not in system/) here
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                    localRepository),
            editConfigurationFilePut("etc/org.apache.felix.http.cfg", "org.osgi.service.http.port", httpPort),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", sshPort),
            systemProperty(HTTP_PORT_PROPERTY).value(httpPort),
            systemProperty(TEMPLATE_CONNECTOR_PROPERTY).value(System.getProperty(TEMPLATE_CONNECTOR_PROPERTY, "")),
            // how long the probe waits inside Karaf for the services of its @Inject fields (default 10 s): while the
            // boot features still install on a busy machine they can take longer
            systemProperty("pax.exam.service.timeout").value(Long.toString(TimeUnit.MINUTES.toMillis(5))),
            // Pax Exam's extender has a wait of its own (default 10 s, not the property above): when the probe starts
            // it looks up the JUnit invoker factory, whose bundle can start half a minute later on a loaded machine;
            // the extender then gives up silently and the test waits for a ProbeInvoker that never comes
            systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT")
                    .value(Long.toString(TimeUnit.MINUTES.toMillis(5))),
            editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.appender.rolling.fileName", log),
            editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.appender.rolling.filePattern",
                    log + ".%i"),
        };
    }

    /**
     * Options a test class adds (features, configuration); none by default, i.e. the production distribution as
     * shipped, without demo data. A test class that needs the demo partners, users and claims adds
     * {@link #withDemoData()}.
     */
    protected Option[] additionalOptions() {
        return new Option[0];
    }

    /**
     * Boots the distribution the way {@code bin/demo} does: the portal installs the {@code pf-demo} feature once the
     * boot is complete, and the demo data creates its partners, users and sample claims in the background. Wait for
     * them with {@link #waitForFeatures(String...)} ({@code pf-demo}) and then for the data the test needs (e.g.
     * {@link ClaimsTestSupport#demoUser(String)}).
     */
    protected static Option withDemoData() {
        return systemProperty(DEMO_PROPERTY).value("true");
    }

    // ---------------------------------------------------------------------------------------------------- services

    /** Waits up to {@link #TIMEOUT} for a service of this type. */
    protected <T> T getService(Class<T> type) {
        return getService(type, null, TIMEOUT);
    }

    /**
     * Waits for a service of this type matching an optional LDAP filter. The service stays in use by the test until
     * it ends (releasing it at once would let Declarative Services dispose a delayed component under the test's feet).
     *
     * @throws AssertionError when none appears in time
     */
    protected <T> T getService(Class<T> type, String filter, Duration timeout) {
        String spec = "(objectClass=" + type.getName() + ")";
        if (filter != null && !filter.isBlank()) {
            spec = "(&" + spec + filter + ")";
        }
        Filter osgiFilter;
        try {
            osgiFilter = FrameworkUtil.createFilter(spec);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("Bad filter " + spec, e);
        }
        ServiceTracker<T, T> tracker = new ServiceTracker<>(bundleContext, osgiFilter, null);
        tracker.open(true);
        trackers.add(tracker);
        try {
            T service = tracker.waitForService(timeout.toMillis());
            if (service == null) {
                fail("No service " + spec + " within " + timeout.toSeconds() + " s");
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for " + spec, e);
        }
    }

    // ------------------------------------------------------------------------------------------------------ shell

    /**
     * Waits until a shell command is registered. Karaf registers a bundle's commands only once every mandatory
     * service they reference is there, so a command can appear well after its bundle started.
     *
     * @param command {@code scope:name}, e.g. {@code pf:extensions}
     */
    protected void waitForCommand(String command) {
        int colon = command.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("Expected scope:name, got " + command);
        }
        SessionFactory sessionFactory = getService(SessionFactory.class);
        String scope = command.substring(0, colon);
        String name = command.substring(colon + 1);
        waitFor("the shell command " + command,
                () -> sessionFactory.getRegistry().getCommand(scope, name) != null);
    }

    /** Runs a shell command as an operator (roles of the admin group) and returns what it printed. */
    protected String executeCommand(String command) {
        return executeCommand(command, TIMEOUT, operator());
    }

    /**
     * Runs a shell command in a new session and returns what it printed (its result object, if any, is printed too).
     *
     * @param principals the JAAS principals the command runs with; none runs it without a subject
     * @throws AssertionError when the command fails or takes longer than the timeout
     */
    protected String executeCommand(String command, Duration timeout, Principal... principals) {
        SessionFactory sessionFactory = getService(SessionFactory.class);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(System.in, out, out);
        PrivilegedExceptionAction<String> action = () -> {
            Object result = session.execute(command);
            if (result != null) {
                session.getConsole().println(result);
            }
            out.flush();
            return bytes.toString(StandardCharsets.UTF_8);
        };
        FutureTask<String> task = new FutureTask<>(() -> {
            if (principals.length == 0) {
                return action.run();
            }
            Subject subject = new Subject();
            subject.getPrincipals().addAll(Arrays.asList(principals));
            return Subject.doAs(subject, action);
        });
        executor.submit(task);
        try {
            return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new AssertionError("'" + command + "' did not finish within " + timeout.toSeconds()
                    + " s; output so far:\n" + bytes.toString(StandardCharsets.UTF_8), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while running '" + command + "'", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("'" + command + "' failed: " + e.getCause() + "\nOutput:\n"
                    + bytes.toString(StandardCharsets.UTF_8), e.getCause());
        } finally {
            session.close();
        }
    }

    /** The principals of an operator (a Karaf console user of the admin group). */
    protected static Principal[] operator() {
        List<Principal> principals = new ArrayList<>();
        principals.add(new UserPrincipal(OPERATOR));
        for (String role : OPERATOR_ROLES) {
            principals.add(new RolePrincipal(role));
        }
        return principals.toArray(new Principal[0]);
    }

    // ------------------------------------------------------------------------------------------------ conditions

    /**
     * Polls a condition until it holds.
     *
     * @throws AssertionError naming the condition when it does not hold within the timeout
     */
    protected static void waitFor(String description, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
                lastError = null;
            } catch (RuntimeException e) {
                lastError = e; // e.g. a service going away while it is restarted: try again
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + description, e);
            }
        }
        AssertionError failure = new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for "
                + description);
        if (lastError != null) {
            failure.initCause(lastError);
        }
        throw failure;
    }

    protected static void waitFor(String description, BooleanSupplier condition) {
        waitFor(description, TIMEOUT, condition);
    }

    // ------------------------------------------------------------------------------------------------ features

    /** Waits until the named features are installed (boot features are installed in the background). */
    protected void waitForFeatures(String... names) {
        for (String name : names) {
            waitFor("feature " + name + " to be installed", BACKGROUND_TIMEOUT, () -> {
                try {
                    return featuresService.isInstalled(featuresService.getFeature(name));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    /** The bundles whose symbolic name starts with the prefix. */
    protected List<Bundle> bundles(String symbolicNamePrefix) {
        List<Bundle> result = new ArrayList<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            if (bundle.getSymbolicName() != null && bundle.getSymbolicName().startsWith(symbolicNamePrefix)) {
                result.add(bundle);
            }
        }
        return result;
    }

    protected Bundle bundle(String symbolicName) {
        for (Bundle bundle : bundleContext.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        return null;
    }

    /** Asserts a bundle is present and active. */
    protected void assertActive(String symbolicName) {
        Bundle bundle = bundle(symbolicName);
        assertNotNull("bundle " + symbolicName + " is not installed", bundle);
        assertEquals("state of " + symbolicName, stateName(Bundle.ACTIVE), stateName(bundle.getState()));
    }

    protected static String stateName(int state) {
        switch (state) {
            case Bundle.UNINSTALLED: return "UNINSTALLED";
            case Bundle.INSTALLED: return "INSTALLED";
            case Bundle.RESOLVED: return "RESOLVED";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            case Bundle.ACTIVE: return "ACTIVE";
            default: return "state " + state;
        }
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set: run the tests through "
                    + "Maven (failsafe sets it)");
        }
        return value;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }
}
