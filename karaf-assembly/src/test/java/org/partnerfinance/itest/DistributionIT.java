package org.partnerfinance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.Test;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.partnerfinance.extensions.api.ExtensionInfo;
import org.partnerfinance.extensions.api.ExtensionKind;
import org.partnerfinance.extensions.api.ExtensionRegistry;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.UserDirectory;

/**
 * The distribution as an operator gets it (booted without options: no demo data): every portal bundle active and the
 * expense claim type installed, and nothing with a known password - no demo feature and no portal user, no Karaf
 * console account, console passwords stored as digests, the SSH console on the loopback interface only and SFTP off.
 */
@ExamReactorStrategy(PerSuite.class) // shares one booted distribution: ProductionDistributionIT
public class DistributionIT extends PfTestSupport {

    /** Every bundle the boot features install, by symbolic name. */
    private static final List<String> PORTAL_BUNDLES = List.of(
            "org.partnerfinance.derby",
            "org.partnerfinance.pf-persistence",
            "org.partnerfinance.pf-security",
            "org.partnerfinance.pf-extensions",
            "org.partnerfinance.pf-shell",
            "org.partnerfinance.pf-ui",
            "org.partnerfinance.pf-partner",
            "org.partnerfinance.pf-ledger",
            "org.partnerfinance.pf-audit",
            "org.partnerfinance.pf-claims",
            "org.partnerfinance.pf-claims-ui",
            "org.partnerfinance.pf-claim-expense",
            "org.partnerfinance.pf-widget-my-claims",
            "org.partnerfinance.pf-widget-review-queue",
            "org.partnerfinance.pf-widget-system-health");

    private static final List<String> BOOT_FEATURES = List.of("pf-http", "pf-platform", "pf-ui", "pf-core",
            "pf-claim-expense", "pf-widget-my-claims", "pf-widget-review-queue", "pf-widget-system-health");

    @Test
    public void bootsWithEveryPortalBundleActive() {
        waitForFeatures(BOOT_FEATURES.toArray(new String[0]));
        for (String symbolicName : PORTAL_BUNDLES) {
            assertActive(symbolicName);
        }
        List<String> notActive = bundles("org.partnerfinance.").stream()
                .filter(b -> b.getState() != Bundle.ACTIVE)
                .map(b -> b.getSymbolicName() + " " + stateName(b.getState()))
                .collect(Collectors.toList());
        assertEquals("portal bundles that are not active", List.of(), notActive);
    }

    @Test
    public void theShellListsTheExpenseClaimType() {
        ExtensionRegistry registry = getService(ExtensionRegistry.class);
        waitFor("the expense claim type to be registered", () -> registry.list().stream()
                .anyMatch(DistributionIT::isExpenseClaimType));

        waitForCommand("pf:extensions");
        String output = executeCommand("pf:extensions");

        assertTrue("pf:extensions output:\n" + output, output.lines()
                .anyMatch(line -> line.contains("claim-type") && line.contains("expense")
                        && line.contains("org.partnerfinance.pf-claim-expense") && line.contains("yes")));
    }

    /** The demo is not installed, but can be: its feature is in the distribution's own repository. */
    @Test
    public void bootsWithoutTheDemoAndWithoutAnyPortalUser() throws Exception {
        waitForFeatures(BOOT_FEATURES.toArray(new String[0]));
        assertTrue("pf-demo is offered by the distribution", featuresService.getFeature("pf-demo") != null);
        assertFalse("pf-demo is installed", featuresService.isInstalled(featuresService.getFeature("pf-demo")));
        assertNull("the demo data bundle is installed", bundle("org.partnerfinance.pf-demo"));

        UserDirectory users = getService(UserDirectory.class);
        assertEquals("users of the portal", List.of(), users.list(Caller.system()));
        for (String demoUser : List.of("partner", "partner2", "partneradmin", "reviewer", "manager", "admin",
                "integrator")) {
            assertFalse("demo user " + demoUser + " exists", users.exists(demoUser));
        }
    }

    /**
     * etc/users.properties holds no account, and an account an operator adds (as the file's comment and the README
     * describe) is stored with a digest of its password, not the password.
     */
    @Test
    public void shipsNoConsoleAccountAndStoresConsolePasswordsAsDigests() throws Exception {
        Path usersFile = Paths.get(System.getProperty("karaf.etc"), "users.properties");
        assertEquals("Karaf console accounts in " + usersFile, List.of(), accounts(usersFile));

        Dictionary<String, Object> jaas = configuration("org.apache.karaf.jaas");
        assertEquals("encryption.enabled", "true", String.valueOf(jaas.get("encryption.enabled")));
        assertEquals("encryption.algorithm", "SHA-512", String.valueOf(jaas.get("encryption.algorithm")));

        String password = "pw-" + UUID.randomUUID();
        waitForCommand("jaas:user-add");
        executeCommand("jaas:realm-manage --realm karaf --module "
                + "org.apache.karaf.jaas.modules.properties.PropertiesLoginModule; "
                + "jaas:user-add pf-probe " + password + "; jaas:group-add pf-probe admingroup; jaas:update");
        try {
            String stored = Files.readString(usersFile, StandardCharsets.UTF_8);
            String line = stored.lines().filter(l -> l.startsWith("pf-probe")).findFirst()
                    .orElseThrow(() -> new AssertionError("jaas:user-add did not add pf-probe:\n" + stored));
            assertFalse("clear-text password stored: " + line, stored.contains(password));
            assertTrue("password stored as a digest: " + line, line.contains("{CRYPT}"));
        } finally {
            executeCommand("jaas:realm-manage --realm karaf --module "
                    + "org.apache.karaf.jaas.modules.properties.PropertiesLoginModule; "
                    + "jaas:user-delete pf-probe; jaas:update");
        }
        // the console writes the file as its commands run: read it once it has settled (a read during the write saw
        // the group line cut off as an account "_g_")
        waitFor("no console account left in " + usersFile, () -> {
            try {
                return accounts(usersFile).isEmpty();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertEquals("Karaf console accounts after deleting the probe", List.of(), accounts(usersFile));
    }

    /** The SSH console answers on 127.0.0.1 and on no other address of the machine; SFTP is off. */
    @Test
    public void sshConsoleListensOnLoopbackOnlyWithoutSftp() throws Exception {
        Dictionary<String, Object> shell = configuration("org.apache.karaf.shell");
        assertEquals("sshHost", "127.0.0.1", String.valueOf(shell.get("sshHost")));
        assertEquals("sftpEnabled", "false", String.valueOf(shell.get("sftpEnabled")));
        int port = Integer.parseInt(String.valueOf(shell.get("sshPort")));

        waitFor("the SSH console on 127.0.0.1:" + port,
                () -> sshBanner(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
        List<InetAddress> others = nonLoopbackAddresses();
        for (InetAddress address : others) {
            InetSocketAddress target = new InetSocketAddress(address, port);
            try (Socket socket = new Socket()) {
                socket.connect(target, 2000);
                fail("the SSH console accepts connections on " + target);
            } catch (ConnectException | SocketTimeoutException expected) {
                // refused (or filtered): nothing listens there
            }
        }
    }

    private Dictionary<String, Object> configuration(String pid) throws IOException {
        Configuration configuration = getService(ConfigurationAdmin.class).getConfiguration(pid, null);
        Dictionary<String, Object> properties = configuration.getProperties();
        if (properties == null) {
            throw new AssertionError("no configuration " + pid);
        }
        return properties;
    }

    /** User names in a Karaf users.properties (group entries, {@code _g_:...}, are not accounts). */
    private static List<String> accounts(Path usersFile) throws IOException {
        java.util.Properties properties = new java.util.Properties();
        try (InputStream in = Files.newInputStream(usersFile)) {
            properties.load(in);
        }
        return properties.stringPropertyNames().stream().filter(name -> !name.startsWith("_g_:")).sorted()
                .collect(Collectors.toList());
    }

    private static boolean sshBanner(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, 2000);
            socket.setSoTimeout(5000);
            byte[] banner = socket.getInputStream().readNBytes(4);
            return new String(banner, StandardCharsets.US_ASCII).equals("SSH-");
        } catch (IOException e) {
            return false;
        }
    }

    /** The IPv4 addresses of this machine's interfaces that are up and not loopback. */
    private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    addresses.add(address);
                }
            }
        }
        return addresses;
    }

    private static boolean isExpenseClaimType(ExtensionInfo info) {
        return info.kind() == ExtensionKind.CLAIM_TYPE && info.id().equals("expense");
    }
}
