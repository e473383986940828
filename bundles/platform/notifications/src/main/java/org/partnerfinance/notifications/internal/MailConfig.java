package org.partnerfinance.notifications.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * E-mail of notifications ({@code etc/org.partnerfinance.notifications.cfg}). Off by default: until an operator sets
 * {@code mail.enabled = true} with a host and a sender address, no e-mail is written to the outbox and no sender runs.
 */
@ObjectClassDefinition(name = "PF Notifications e-mail",
        description = "SMTP server and retry policy for notification e-mails. Off until mail.enabled is true.")
public @interface MailConfig {

    @AttributeDefinition(name = "E-mail on", description = "Send notification e-mails (needs host and from)")
    boolean mail_enabled() default false;

    @AttributeDefinition(name = "SMTP host")
    String mail_host() default "";

    @AttributeDefinition(name = "SMTP port", description = "25, 587 (submission with STARTTLS), ...")
    int mail_port() default 25;

    @AttributeDefinition(name = "Sender address", description = "From: of every e-mail, e.g. portal@example.com")
    String mail_from() default "";

    @AttributeDefinition(name = "STARTTLS", description = "Require STARTTLS (never send in clear text when on)")
    boolean mail_starttls() default false;

    @AttributeDefinition(name = "SMTP user", description = "Empty for a server without authentication")
    String mail_user() default "";

    /** A private property: Config Admin does not hand it to other services' listeners and the console hides it. */
    @AttributeDefinition(name = "SMTP password", type = AttributeType.PASSWORD)
    String _mail_password() default "";

    @AttributeDefinition(name = "Timeout (seconds)", description = "Connect, read and write timeout of the SMTP connection")
    int mail_timeout_seconds() default 20;

    @AttributeDefinition(name = "Attempts", description = "Attempts per e-mail before it is kept as failed")
    int retry_max_attempts() default 12;

    @AttributeDefinition(name = "First retry (seconds)", description = "Wait after the first failure; doubled per attempt")
    int retry_first_seconds() default 30;

    @AttributeDefinition(name = "Longest wait (minutes)", description = "Upper bound of the wait between attempts")
    int retry_max_minutes() default 60;

    @AttributeDefinition(name = "Poll (seconds)", description = "How often the outbox is checked for due retries")
    int poll_seconds() default 30;

    @AttributeDefinition(name = "Portal address",
            description = "Public base address of the portal for links in e-mails, e.g. https://portal.example.com/")
    String portal_url() default "";
}
