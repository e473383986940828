package org.partnerfinance.itest;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.net.ServerSocket;

import org.ops4j.pax.exam.Option;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real mail server (GreenMail: SMTP and IMAP on free ports) started in the test JVM while the distribution is
 * configured; the distribution's notification e-mails are pointed at its SMTP port, and the tests inside Karaf read
 * the delivered mail back over IMAP (GreenMail creates a mailbox per recipient, login and password = the address).
 * It runs until the test JVM ends. Only the test JVM loads this class.
 */
final class TestMailServer {

    /** System property inside the container: the IMAP port of the server. */
    static final String IMAP_PORT_PROPERTY = "pf.test.imap.port";

    private static GreenMail server;

    private TestMailServer() {
    }

    /** Starts the server (once per test JVM) and returns the options that point the distribution at it. */
    static synchronized Option[] options() {
        if (server == null) {
            GreenMail started = new GreenMail(new ServerSetup[] {
                    new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
            started.start();
            server = started;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "greenmail-stop"));
        }
        String cfg = "etc/org.partnerfinance.notifications.cfg";
        return new Option[] {
                editConfigurationFilePut(cfg, "mail.enabled", "true"),
                editConfigurationFilePut(cfg, "mail.host", "127.0.0.1"),
                editConfigurationFilePut(cfg, "mail.port", Integer.toString(server.getSmtp().getPort())),
                editConfigurationFilePut(cfg, "mail.from", "portal@pf-itest.example"),
                editConfigurationFilePut(cfg, "poll.seconds", "1"),
                editConfigurationFilePut(cfg, "retry.first.seconds", "1"),
                editConfigurationFilePut(cfg, "portal.url", "http://localhost/"),
                systemProperty(IMAP_PORT_PROPERTY).value(Integer.toString(server.getImap().getPort())) };
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port for the test mail server", e);
        }
    }
}
