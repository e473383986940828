package org.partnerfinance.audit.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the audit trail, PID {@code org.partnerfinance.audit} ({@code etc/org.partnerfinance.audit.cfg}). */
@ObjectClassDefinition(name = "Partner Finance audit trail",
        description = "Where the key that signs the audit chain's head is kept, and how often the chain is verified.")
public @interface AuditConfiguration {

    String PID = "org.partnerfinance.audit";

    @AttributeDefinition(name = "Key file",
            description = "File holding the HMAC-SHA256 key that signs the chain's head; created with a random key at "
                    + "first start. Empty: ${karaf.etc}/org.partnerfinance.audit.key. Every node of a cluster needs "
                    + "the same file; keep a copy with the backups, but never in the database.")
    String keyFile() default "";

    @AttributeDefinition(name = "Signing key file",
            description = "File holding the Ed25519 key pair (PEM) that signs the Merkle tree heads partners check "
                    + "proofs against; created at first start. Empty: ${karaf.etc}/org.partnerfinance.audit.signing.pem. "
                    + "Every node of a cluster needs the same file; keep a copy with the backups, never in the "
                    + "database. Its public key may be published.")
    String signingKeyFile() default "";

    @AttributeDefinition(name = "Adopt an unsigned head",
            description = "Sign a head that has no signature yet (a database from before head signing), after the "
                    + "chain has been verified intact. Happens by itself when the key file is created; set this only "
                    + "when an existing key meets such a database, e.g. after an upgrade with a key already in place.")
    boolean adoptUnsignedHead() default false;

    @AttributeDefinition(name = "Verification interval (minutes)",
            description = "How often the whole chain is verified on a schedule; 0 switches the schedule off.")
    long verifyIntervalMinutes() default 60;

    @AttributeDefinition(name = "First verification (seconds after start)",
            description = "Delay before the first scheduled verification after the audit service starts.")
    long firstVerifyDelaySeconds() default 30;
}
