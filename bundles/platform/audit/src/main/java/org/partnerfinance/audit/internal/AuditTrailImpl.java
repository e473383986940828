package org.partnerfinance.audit.internal;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.persistence.EntityManager;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditProof;
import org.partnerfinance.audit.api.AuditProofs;
import org.partnerfinance.audit.api.AuditRecord;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.audit.api.HeadSignature;
import org.partnerfinance.audit.api.SignedTreeHead;
import org.partnerfinance.audit.api.Verification;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.api.PersistenceService;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.security.api.Access;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail on the {@code audit} persistence unit. Appending joins the caller's unit of work, so a record
 * commits or rolls back with the change it describes. Every append signs the new head with the {@link AuditKey} kept
 * outside the database; verification recomputes the chain, checks that the head matches the last record and carries a
 * valid signature, and reports records stored beyond the head. Nothing is appended to a head without a valid
 * signature: that would sign a rewritten chain.
 *
 * <p>The records are also the leaves of an RFC 6962 Merkle tree. Each append extends the tree's right edge (kept in
 * the head row under the same HMAC key) and stores the complete subtrees of {@value #NODE_LEVEL}+ levels that form;
 * proofs are computed from those against tree heads signed with the {@link TreeSigningKey} (Ed25519), whose public key
 * anyone may hold.
 */
@Component(service = {AuditTrail.class, AuditProofs.class}, configurationPid = AuditConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = AuditConfiguration.class)
public class AuditTrailImpl implements AuditTrail, AuditProofs {

    static final String UNIT = "audit";
    static final List<String> ENTITY_CLASSES =
            List.of(AuditRecordEntity.class.getName(), AuditHeadEntity.class.getName());
    static final String KEY_FILE_NAME = "org.partnerfinance.audit.key";
    static final String SIGNING_KEY_FILE_NAME = "org.partnerfinance.audit.signing.pem";
    /**
     * Complete subtrees of 2^NODE_LEVEL records and more are stored: about 2 rows per 256 records, and a proof hashes
     * at most two runs of 256 records besides reading about 20 stored nodes.
     */
    static final int NODE_LEVEL = 8;

    static final int MAX_NAME = 100;
    static final int MAX_ENTITY_TYPE = 50;
    static final int MAX_STATE = 16000;
    private static final int MAX_RECENT = 1000;
    /** Results that are only read, not changed: EclipseLink does not keep them in the persistence context. */
    private static final String READ_ONLY = "eclipselink.read-only";

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrailImpl.class);

    private final Jpa jpa;
    private final Clock clock;
    private final AuditKey key;
    private final TreeSigningKey treeKey;
    private final AtomicReference<Verification> last = new AtomicReference<>();

    @Activate
    public AuditTrailImpl(@Reference(name = "persistence") PersistenceService persistence, BundleContext context,
            AuditConfiguration config) {
        this(persistence.open(new PersistenceUnitSpec(UNIT, context.getBundle(), ENTITY_CLASSES, "db/audit")),
                Clock.systemUTC(), AuditKey.loadOrCreate(keyFile(config.keyFile(), context.getProperty("karaf.etc"))),
                TreeSigningKey.loadOrCreate(keyFile(config.signingKeyFile(), context.getProperty("karaf.etc"),
                        SIGNING_KEY_FILE_NAME)),
                config.adoptUnsignedHead());
    }

    AuditTrailImpl(Jpa jpa, Clock clock, AuditKey key, TreeSigningKey treeKey, boolean adoptUnsignedHead) {
        this.jpa = jpa;
        this.clock = clock;
        this.key = key;
        this.treeKey = treeKey;
        try {
            if (key.created()) {
                LOG.info("Created a new audit key in {}: keep a copy of it with the backups, never in the database",
                        key.file());
            }
            if (treeKey.created()) {
                LOG.info("Created a new Ed25519 key pair for the audit trail's tree heads in {}: keep a copy with the "
                        + "backups, never in the database; its public key is what partners check proofs with",
                        treeKey.file());
            }
            adoptUnsignedHead(adoptUnsignedHead || key.created());
            buildTreeIfMissing();
        } catch (RuntimeException e) {
            jpa.close();
            throw e;
        }
    }

    /** The configured key file, or {@value #KEY_FILE_NAME} in Karaf's etc/ folder. */
    static Path keyFile(String configured, String karafEtc) {
        return keyFile(configured, karafEtc, KEY_FILE_NAME);
    }

    /** The configured file, or {@code fileName} in Karaf's etc/ folder. */
    static Path keyFile(String configured, String karafEtc, String fileName) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.trim());
        }
        if (karafEtc == null || karafEtc.isBlank()) {
            throw new IllegalStateException("No audit key file configured and karaf.etc is not set: set keyFile and "
                    + "signingKeyFile in " + AuditConfiguration.PID);
        }
        return Path.of(karafEtc, fileName);
    }

    @Deactivate
    void deactivate() {
        jpa.close();
    }

    /**
     * Signs a head that has none yet: the empty chain of a new database always, a head with records only when allowed
     * (a new key, or configured) and only after the chain up to it has been verified intact. Otherwise the head stays
     * unsigned and every verification reports it.
     */
    private void adoptUnsignedHead(boolean allowed) {
        jpa.tx(em -> {
            AuditHeadEntity head = lockHead(em);
            if (head.getSignature() != null) {
                return null;
            }
            long rows = em.createQuery("SELECT COUNT(r) FROM AuditRecordEntity r", Long.class).getSingleResult();
            if (head.getLastSeq() == 0 && rows == 0) {
                head.sign(key.sign(head.getLastSeq(), head.getLastHash()));
                LOG.info("Signed the head of the new, empty audit trail with the {}", key);
                return null;
            }
            if (!allowed) {
                LOG.error("The audit trail's head (record {}) is not signed although the {} existed before: it is "
                        + "reported as not signed. If this database comes from a version without head signatures, "
                        + "set adoptUnsignedHead=true in etc/{}.cfg once to sign it after a verification.",
                        head.getLastSeq(), key, AuditConfiguration.PID);
                return null;
            }
            AuditChain.Verifier verifier = new AuditChain.Verifier();
            readChain(em, head.getLastSeq(), verifier);
            if (verifier.chainIntact(head.getLastSeq(), head.getLastHash()) && rows == head.getLastSeq()) {
                head.sign(key.sign(head.getLastSeq(), head.getLastHash()));
                // The tree's edge was signed with the same key (if at all): it is rebuilt from the records just
                // verified, like the tree of a database from before the tree.
                head.advanceTree(null, null);
                LOG.warn("The audit trail's head had no signature (a database from before head signing): the chain "
                        + "was verified intact over {} records and its head (record {}) is now signed with the {}. "
                        + "Changes made before this moment are only protected by the hash chain.",
                        rows, head.getLastSeq(), key);
            } else {
                LOG.error("The audit trail's head (record {}) has no signature and the chain does not verify: the head "
                        + "is left unsigned; run pf:audit-verify for details.", head.getLastSeq());
            }
            return null;
        });
    }

    /** Takes the head row's write lock until the unit of work ends and reads it fresh. */
    private static AuditHeadEntity lockHead(EntityManager em) {
        // Updating the head row first takes its write lock: appenders queue here, so sequence numbers and hashes are
        // assigned one after another.
        em.createQuery("UPDATE AuditHeadEntity h SET h.lastSeq = h.lastSeq WHERE h.id = :id")
                .setParameter("id", AuditHeadEntity.ID).executeUpdate();
        AuditHeadEntity head = em.find(AuditHeadEntity.class, AuditHeadEntity.ID);
        em.refresh(head);
        return head;
    }

    @Override
    public AuditRecord append(AuditEvent event) {
        checkLengths(event);
        // Plain JDBC on the unit of work's connection: four statements (lock and read the head, insert the record,
        // move the head), plus a tree node every 2^NODE_LEVEL records. The trail takes a record per business change,
        // so this is on the path of every write, and entity change tracking of rows written once buys nothing. The
        // columns are those AuditRecordEntity and AuditHeadEntity map for the reads.
        return jpa.tx(em -> {
            AuditRows.Head head = AuditRows.lockHead(em);
            // Extending a head that this key did not sign would sign a rewritten chain for whoever rewrote it: refuse,
            // so that a tampered trail stops taking records (and the changes they describe) until it is looked at.
            if (!key.verifies(head.lastSeq(), head.lastHash(), head.signature())) {
                LOG.error("Refused to append to the audit trail: its head (record {}) is {}; run pf:audit-verify",
                        head.lastSeq(), head.signature() == null ? "not signed" : "not validly signed");
                throw new IllegalStateException("The audit trail cannot take new records: its head is not validly "
                        + "signed. An administrator must check it (pf:audit-verify).");
            }
            MerkleTree.Frontier tree = null;
            if (head.treeFrontier() != null) {
                // Tree heads are signed from this edge: an edge the key did not sign could make the service sign a
                // tree over records it never wrote.
                if (!key.verifiesTree(head.lastSeq(), head.treeFrontier(), head.treeSignature())) {
                    LOG.error("Refused to append to the audit trail: its Merkle tree (record {}) is not validly "
                            + "signed; run pf:audit-verify", head.lastSeq());
                    throw new IllegalStateException("The audit trail cannot take new records: its Merkle tree is "
                            + "not validly signed. An administrator must check it (pf:audit-verify).");
                }
                tree = MerkleTree.Frontier.decode(head.lastSeq(), head.treeFrontier());
            }
            AuditRecord record = AuditChain.next(head.lastSeq(), head.lastHash(), clock.instant(), event);
            AuditRows.insertRecord(em, record);
            String edge = head.treeFrontier();
            String edgeSignature = head.treeSignature();
            if (tree != null) {
                tree.append(MerkleTree.leafHash(AuditChain.encode(record)), NODE_LEVEL,
                        (level, index, hash) -> AuditRows.insertNode(em, level, index, hash));
                edge = tree.encode();
                edgeSignature = key.signTree(record.seq(), edge);
            }
            AuditRows.updateHead(em, record.seq(), record.hash(), key.sign(record.seq(), record.hash()), edge,
                    edgeSignature);
            return record;
        });
    }

    @Override
    public Verification verify(Caller caller) {
        Access.requireAnyRole(caller, Role.ADMINISTRATOR, Role.FINANCE_MANAGER);
        Verification result = jpa.tx(em -> {
            // Records appended after the head was read belong to later verifications.
            AuditHeadEntity head = em.find(AuditHeadEntity.class, AuditHeadEntity.ID);
            em.refresh(head);
            long headSeq = head.getLastSeq();
            String headHash = head.getLastHash();
            String signature = head.getSignature();
            String frontier = head.getTreeFrontier();
            String treeSignature = head.getTreeSignature();
            AuditChain.Verifier verifier = new AuditChain.Verifier();
            TreeCheck tree = new TreeCheck(headSeq, AuditRows.nodes(em), AuditRows.allTreeHeads(em));
            AuditChain.Encoder encoder = new AuditChain.Encoder();
            // Each record is encoded once and hashed twice (chain, tree leaf) on a second thread while the next rows
            // are read: a million records verify in seconds.
            try (RowPipeline hashing = new RowPipeline((seq, time, actor, action, type, id, before, after, prev,
                    hash) -> {
                encoder.encode(seq, time, actor, action, type, id, before, after, prev);
                verifier.accept(seq, prev, hash, encoder.bytes(), encoder.length());
                tree.accept(encoder.bytes(), encoder.length());
            }, "pf-audit-verification-hashing")) {
                AuditRows.scanAll(em, headSeq, hashing);
                hashing.finish();
            }
            HeadSignature signed = signature == null ? HeadSignature.MISSING
                    : key.verifies(headSeq, headHash, signature) ? HeadSignature.VALID : HeadSignature.INVALID;
            long[] beyond = beyondHead(em, headSeq);
            return verifier.finish(clock.instant(), headSeq, headHash, signed, beyond[0], beyond[1],
                    tree.problem(headSeq, frontier, treeSignature));
        });
        last.set(result);
        return result;
    }

    /**
     * Recomputes the Merkle tree while the chain is verified and compares it with everything stored about it: the
     * edge in the head (and its HMAC), the stored subtree hashes, and every signed tree head handed out (root and
     * Ed25519 signature). Reports only the first finding of each kind, in a sentence.
     */
    private final class TreeCheck {
        private final MerkleTree.Frontier tree = new MerkleTree.Frontier();
        private final MessageDigest sha = MerkleTree.sha256();
        private final Map<Long, String> storedNodes = new HashMap<>();
        private final List<AuditRows.StoredTreeHead> heads;
        private int nextHead;
        private final List<String> problems = new ArrayList<>();
        private long wrongNodes;
        private long wrongHeads;

        TreeCheck(long headSeq, List<AuditRows.Node> nodes, List<AuditRows.StoredTreeHead> heads) {
            for (AuditRows.Node n : nodes) {
                storedNodes.put(nodeKey(n.level(), n.index()), n.hash().trim());
            }
            // Heads signed after the head was read (proofs asked for meanwhile) belong to later verifications.
            this.heads = heads.stream().filter(h -> h.treeSize() <= headSeq).toList();
            checkHeadsAt(0);
        }

        void accept(byte[] encoding, int length) {
            tree.append(MerkleTree.leafHash(sha, encoding, length), NODE_LEVEL, (level, index, hash) -> {
                String stored = storedNodes.remove(nodeKey(level, index));
                if (!AuditChain.isHex(hash, stored)) {
                    if (wrongNodes++ == 0) {
                        problems.add("The stored Merkle tree node " + level + "/" + index + " (records "
                                + ((index << level) + 1) + " to " + ((index + 1) << level) + ") is "
                                + (stored == null ? "missing." : "not the hash of those records."));
                    }
                }
            });
            checkHeadsAt(tree.size());
        }

        private void checkHeadsAt(long size) {
            while (nextHead < heads.size() && heads.get(nextHead).treeSize() <= size) {
                AuditRows.StoredTreeHead h = heads.get(nextHead++);
                boolean rootMatches = h.treeSize() == size && h.rootHash().equals(MerkleTree.hex(tree.root()));
                Optional<SignedTreeHead> parsed = h.parsed();
                boolean signed = parsed.isPresent() && TreeHeads.verifies(treeKey, parsed.get());
                if ((!rootMatches || !signed) && wrongHeads++ == 0) {
                    problems.add("The signed tree head over " + h.treeSize() + " records "
                            + (!signed ? "does not carry a valid Ed25519 signature of the installation's key."
                                    : "does not match the records (root hash differs)."));
                }
            }
        }

        /** The findings as one sentence or more, or null when the tree checks out. */
        String problem(long headSeq, String frontier, String treeSignature) {
            if (frontier == null) {
                problems.add(0, "The Merkle tree of the records is not built yet, so no record can be proven to a "
                        + "partner (it is built at start once the chain verifies intact).");
            } else {
                if (!key.verifiesTree(headSeq, frontier, treeSignature)) {
                    problems.add("The Merkle tree's edge stored in the head is not validly signed.");
                } else if (tree.size() != headSeq || !frontier.equals(tree.encode())) {
                    problems.add("The Merkle tree's edge stored in the head does not match the records.");
                }
                long beyond = storedNodes.keySet().stream().filter(k -> {
                    int level = (int) (k >>> 56);
                    long index = k & ((1L << 56) - 1);
                    return ((index + 1) << level) <= headSeq;
                }).count();
                if (beyond > 0 && wrongNodes == 0) {
                    problems.add("The stored Merkle tree holds " + beyond + " node(s) that the records do not give.");
                }
            }
            checkHeadsAt(Long.MAX_VALUE);
            if (wrongHeads > 1) {
                problems.add(wrongHeads + " signed tree heads in all do not check out.");
            }
            return problems.isEmpty() ? null : String.join(" ", problems);
        }
    }

    private static long nodeKey(int level, long index) {
        return ((long) level << 56) | index;
    }

    /**
     * Builds the Merkle tree of a trail from before the tree (no edge in the head): only when the head is validly
     * signed and the whole chain verifies intact, so that the tree, and every tree head signed from it, covers exactly
     * the records the service wrote. Otherwise the tree stays missing, verifications report it and no proof is given.
     */
    private void buildTreeIfMissing() {
        jpa.tx(em -> {
            AuditHeadEntity head = lockHead(em);
            if (head.getTreeFrontier() != null) {
                return null;
            }
            long lastSeq = head.getLastSeq();
            if (!key.verifies(lastSeq, head.getLastHash(), head.getSignature())) {
                LOG.error("The audit trail's Merkle tree is not built: the head (record {}) is not validly signed. "
                        + "Run pf:audit-verify.", lastSeq);
                return null;
            }
            AuditChain.Verifier verifier = new AuditChain.Verifier();
            MerkleTree.Frontier tree = new MerkleTree.Frontier();
            List<AuditRows.Node> nodes = new ArrayList<>();
            MessageDigest sha = MerkleTree.sha256();
            AuditRows.scanAll(em, lastSeq, (seq, time, actor, action, type, id, before, after, prev, hash) -> {
                byte[] encoding = AuditRows.encode(seq, time, actor, action, type, id, before, after, prev);
                verifier.accept(seq, prev, hash, encoding);
                tree.append(MerkleTree.leafHash(sha, encoding), NODE_LEVEL,
                        (level, index, h) -> nodes.add(new AuditRows.Node(level, index, MerkleTree.hex(h))));
            });
            if (!verifier.chainIntact(lastSeq, head.getLastHash()) || tree.size() != lastSeq) {
                LOG.error("The audit trail's Merkle tree is not built: the hash chain does not verify intact. Run "
                        + "pf:audit-verify.");
                return null;
            }
            // Derived data only: nodes left from a tree that is being rebuilt (after a head was adopted) are replaced.
            AuditRows.deleteNodes(em);
            for (AuditRows.Node n : nodes) {
                AuditRows.insertNode(em, n.level(), n.index(), MerkleTree.unhex(n.hash()));
            }
            String edge = tree.encode();
            head.advanceTree(edge, key.signTree(lastSeq, edge));
            if (lastSeq > 0) {
                LOG.warn("Built the Merkle tree of the audit trail over its {} existing records (a database from "
                        + "before the tree): records can now be proven to partners.", lastSeq);
            }
            return null;
        });
    }

    @Override
    public AuditProof proof(long sequence) {
        return jpa.tx(em -> {
            AuditHeadEntity head = em.find(AuditHeadEntity.class, AuditHeadEntity.ID);
            em.refresh(head);
            if (sequence < 1 || sequence > head.getLastSeq()) {
                throw new IllegalArgumentException("There is no audit record " + sequence + ".");
            }
            SignedTreeHead sth = AuditRows.newestTreeHead(em, sequence)
                    .map(stored -> trusted(stored))
                    .orElseGet(() -> signCurrentTree(em));
            AuditRecordEntity row = em.find(AuditRecordEntity.class, sequence);
            if (row == null) {
                throw new IllegalStateException("Audit record " + sequence + " is missing: an administrator must "
                        + "verify the trail (pf:audit-verify).");
            }
            AuditRecord record = row.toRecord();
            long leafIndex = sequence - 1;
            List<byte[]> path = new TreeReader(em, sth.treeSize()).path(leafIndex);
            // Never hand out a proof that does not check: a stored tree that no longer fits its signed head means
            // the database was changed behind the service's back.
            byte[] root = MerkleTree.rootFromPath(leafIndex, sth.treeSize(),
                    MerkleTree.leafHash(AuditChain.encode(record)), path);
            if (root == null || !MerkleTree.hex(root).equals(sth.rootHash())) {
                LOG.error("The proof of audit record {} does not lead to the signed tree head over {} records: the "
                        + "stored trail was changed; run pf:audit-verify", sequence, sth.treeSize());
                throw new IllegalStateException("No proof can be given for this record: the audit trail does not "
                        + "match its signed tree head. An administrator must check it (pf:audit-verify).");
            }
            List<String> hexPath = path.stream().map(MerkleTree::hex).toList();
            String publicKey = treeKey.publicKeyPem();
            return new AuditProof(record, leafIndex, sth, hexPath, publicKey,
                    ProofJson.write(record, leafIndex, sth, hexPath, publicKey));
        });
    }

    @Override
    public SignedTreeHead treeHead() {
        return jpa.tx(em -> {
            AuditHeadEntity head = em.find(AuditHeadEntity.class, AuditHeadEntity.ID);
            em.refresh(head);
            return AuditRows.newestTreeHead(em, head.getLastSeq())
                    .map(stored -> trusted(stored))
                    .orElseGet(() -> signCurrentTree(em));
        });
    }

    @Override
    public String publicKeyPem() {
        return treeKey.publicKeyPem();
    }

    private SignedTreeHead trusted(AuditRows.StoredTreeHead stored) {
        return stored.parsed().filter(h -> TreeHeads.verifies(treeKey, h)).orElseThrow(() -> {
            LOG.error("The stored tree head over {} records is not validly signed; run pf:audit-verify",
                    stored.treeSize());
            return new IllegalStateException("The audit trail's signed tree head is not valid. An administrator must "
                    + "check the trail (pf:audit-verify).");
        });
    }

    /**
     * Signs and stores a tree head over the trail as it is now, computed from the head's edge (checked against its
     * HMAC first). Holds the head's lock, so appenders and other signers wait and each size is signed once.
     */
    private SignedTreeHead signCurrentTree(EntityManager em) {
        AuditHeadEntity head = lockHead(em);
        long size = head.getLastSeq();
        Optional<AuditRows.StoredTreeHead> existing = AuditRows.newestTreeHead(em, size);
        if (existing.isPresent()) {
            return trusted(existing.get());
        }
        if (head.getTreeFrontier() == null) {
            throw new IllegalStateException("The audit trail's Merkle tree is not built yet, so no proof can be "
                    + "given. An administrator must check the trail (pf:audit-verify).");
        }
        if (!key.verifies(size, head.getLastHash(), head.getSignature())
                || !key.verifiesTree(size, head.getTreeFrontier(), head.getTreeSignature())) {
            LOG.error("Refused to sign a tree head: the audit trail's head (record {}) is not validly signed; run "
                    + "pf:audit-verify", size);
            throw new IllegalStateException("The audit trail's head is not validly signed, so no proof can be given. "
                    + "An administrator must check it (pf:audit-verify).");
        }
        byte[] root = MerkleTree.Frontier.decode(size, head.getTreeFrontier()).root();
        SignedTreeHead sth = TreeHeads.sign(treeKey, size, root, clock.instant());
        AuditRows.insertTreeHead(em, sth);
        return sth;
    }

    /** Feeds the records up to {@code headSeq} to the verifier, page by page. */
    private static void readChain(EntityManager em, long headSeq, AuditChain.Verifier verifier) {
        AuditRows.scanAll(em, headSeq, (seq, time, actor, action, type, id, before, after, prev, hash) ->
                verifier.accept(seq, prev, hash, AuditRows.encode(seq, time, actor, action, type, id, before, after,
                        prev)));
    }

    /**
     * How many records lie beyond the head read at {@code headSeq}, and the lowest of their numbers. Appenders commit
     * a record together with the head that points at it, so records seen here that the head (read again afterwards)
     * does not cover were not appended through this service; records appended while verifying are covered.
     */
    private static long[] beyondHead(EntityManager em, long headSeq) {
        Object[] seen = em.createQuery("SELECT COUNT(r), MAX(r.seq) FROM AuditRecordEntity r WHERE r.seq > :head",
                        Object[].class)
                .setParameter("head", headSeq).getSingleResult();
        if (((Number) seen[0]).longValue() == 0) {
            return new long[] {0, -1};
        }
        long maxSeen = ((Number) seen[1]).longValue();
        AuditHeadEntity head = em.find(AuditHeadEntity.class, AuditHeadEntity.ID);
        em.refresh(head);
        long now = head.getLastSeq();
        if (maxSeen <= now) {
            return new long[] {0, -1};
        }
        Object[] beyond = em.createQuery("SELECT COUNT(r), MIN(r.seq) FROM AuditRecordEntity r "
                        + "WHERE r.seq > :head AND r.seq <= :max", Object[].class)
                .setParameter("head", now).setParameter("max", maxSeen).getSingleResult();
        return new long[] {((Number) beyond[0]).longValue(), ((Number) beyond[1]).longValue()};
    }

    @Override
    public Optional<Verification> lastVerification(Caller caller) {
        Access.requireAnyRole(caller, Role.ADMINISTRATOR, Role.FINANCE_MANAGER);
        return Optional.ofNullable(last.get());
    }

    @Override
    public List<AuditRecord> forEntity(String entityType, String entityId) {
        return jpa.tx(em -> em.createQuery("SELECT r FROM AuditRecordEntity r WHERE r.entityType = :type "
                        + "AND r.entityId = :id ORDER BY r.seq", AuditRecordEntity.class)
                .setParameter("type", entityType).setParameter("id", entityId)
                .setHint(READ_ONLY, Boolean.TRUE).getResultList().stream()
                .map(AuditRecordEntity::toRecord).toList());
    }

    @Override
    public List<AuditRecord> recent(Caller caller, int max) {
        Access.requireAnyRole(caller, Role.ADMINISTRATOR, Role.FINANCE_MANAGER);
        int limit = Math.max(1, Math.min(max, MAX_RECENT));
        return jpa.tx(em -> em.createQuery("SELECT r FROM AuditRecordEntity r ORDER BY r.seq DESC",
                        AuditRecordEntity.class)
                .setHint(READ_ONLY, Boolean.TRUE).setMaxResults(limit).getResultList().stream()
                .map(AuditRecordEntity::toRecord).toList());
    }

    @Override
    public List<AuditRecord> recentByAction(Caller caller, String action, int max) {
        Access.requireAnyRole(caller, Role.ADMINISTRATOR, Role.FINANCE_MANAGER);
        int limit = Math.max(1, Math.min(max, MAX_RECENT));
        return jpa.tx(em -> em.createQuery("SELECT r FROM AuditRecordEntity r WHERE r.action = :action "
                        + "ORDER BY r.seq DESC", AuditRecordEntity.class)
                .setParameter("action", action)
                .setHint(READ_ONLY, Boolean.TRUE).setMaxResults(limit).getResultList().stream()
                .map(AuditRecordEntity::toRecord).toList());
    }

    private static void checkLengths(AuditEvent event) {
        requireAtMost("actor", event.actor(), MAX_NAME);
        requireAtMost("action", event.action(), MAX_NAME);
        requireAtMost("entity type", event.entityType(), MAX_ENTITY_TYPE);
        requireAtMost("entity id", event.entityId(), MAX_NAME);
        requireAtMost("before state", event.before(), MAX_STATE);
        requireAtMost("after state", event.after(), MAX_STATE);
    }

    private static void requireAtMost(String what, String value, int max) {
        if (value.length() > max) {
            throw new IllegalArgumentException("An audit record's " + what + " has at most " + max + " characters.");
        }
    }
}
