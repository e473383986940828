package org.partnerfinance.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends one plain-text e-mail through Jakarta Mail (Eclipse Angus Mail's SMTP provider).
 *
 * <p>In OSGi, Jakarta Mail finds its providers (SMTP transport, stream provider) through the thread's context class
 * loader; the Angus Mail bundle's own class loader sees its {@code META-INF} service files, so it is set as the
 * context class loader while a message is built and sent.
 */
final class SmtpMailer {

    private final MailSettings settings;
    private final Session session;
    private final ClassLoader providerLoader;

    SmtpMailer(MailSettings settings) {
        this.settings = settings;
        this.providerLoader = org.eclipse.angus.mail.smtp.SMTPTransport.class.getClassLoader();
        Properties p = new Properties();
        String timeout = Long.toString(settings.timeout().toMillis());
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", settings.host());
        p.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        p.setProperty("mail.smtp.connectiontimeout", timeout);
        p.setProperty("mail.smtp.timeout", timeout);
        p.setProperty("mail.smtp.writetimeout", timeout);
        p.setProperty("mail.smtp.starttls.enable", Boolean.toString(settings.starttls()));
        // with STARTTLS on, never fall back to sending credentials and content in clear text
        p.setProperty("mail.smtp.starttls.required", Boolean.toString(settings.starttls()));
        p.setProperty("mail.smtp.auth", Boolean.toString(settings.user() != null));
        Authenticator auth = settings.user() == null ? null : new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(settings.user(), settings.password());
            }
        };
        this.session = withProviders(() -> Session.getInstance(p, auth));
    }

    /** Sends the e-mail; throws when the server refused it or could not be reached. */
    void send(String to, String subject, String body) throws MessagingException {
        MessagingException[] failure = new MessagingException[1];
        withProviders(() -> {
            try {
                MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress(settings.from(), true));
                message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
                message.setSubject(subject, StandardCharsets.UTF_8.name());
                message.setText(body, StandardCharsets.UTF_8.name());
                message.setSentDate(new Date());
                Transport.send(message);
            } catch (MessagingException e) {
                failure[0] = e;
            }
            return null;
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private <T> T withProviders(java.util.function.Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(providerLoader);
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
