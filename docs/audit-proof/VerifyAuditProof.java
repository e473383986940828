/*
 * Checks a Partner Finance Portal audit proof without the portal: only a JDK (17 or later) is needed.
 *
 *     java VerifyAuditProof.java proof.json [published-public-key.pem]
 *
 * It rebuilds the record's canonical bytes from the fields in the proof, checks that they hash to the record's chain
 * hash, computes the RFC 6962 leaf hash, walks the audit path up to a root, compares that root with the signed tree
 * head and checks the head's Ed25519 signature. Pass the public key the portal publishes (Audit public key download);
 * without it the key inside the proof is used, which only shows that the proof is consistent, not who signed it.
 *
 * Exit status: 0 the proof checks out, 1 it does not (the reason is printed), 2 the file cannot be read as a proof.
 * The format is described in docs/audit-trail.md, "How to check a proof".
 */

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class VerifyAuditProof {

    static final String FORMAT = "pf-audit-proof-v1";
    static final String RECORD_TAG = "pf-audit-v1";
    static final String HEAD_TAG = "pf-audit-tree-head-v1";

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: java VerifyAuditProof.java proof.json [published-public-key.pem]");
            System.exit(2);
        }
        Map<String, Object> proof;
        String publishedKey = null;
        try {
            Object parsed = new Json(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8)).parse();
            if (!(parsed instanceof Map)) {
                throw new IllegalArgumentException("not a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> p = (Map<String, Object>) parsed;
            proof = p;
            if (args.length == 2) {
                publishedKey = Files.readString(Path.of(args[1]), StandardCharsets.US_ASCII);
            }
        } catch (Exception e) {
            System.out.println("UNREADABLE: " + e.getMessage());
            System.exit(2);
            return;
        }
        String problem;
        try {
            problem = check(proof, publishedKey);
        } catch (RuntimeException e) {
            problem = "the proof is malformed: " + e.getMessage();
        }
        if (problem == null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> record = (Map<String, Object>) proof.get("record");
            @SuppressWarnings("unchecked")
            Map<String, Object> head = (Map<String, Object>) proof.get("treeHead");
            System.out.println("VALID: audit record " + record.get("seq") + " (" + record.get("action") + " on "
                    + record.get("entityType") + " " + record.get("entityId") + ") is record "
                    + ((long) proof.get("leafIndex") + 1) + " of the " + head.get("treeSize")
                    + " records under the tree head with root " + head.get("rootHash") + " signed at "
                    + head.get("timestamp") + (publishedKey == null
                            ? " (checked with the key inside the proof only: pass the published key to know who "
                            + "signed it)" : "."));
            System.exit(0);
        }
        System.out.println("INVALID: " + problem);
        System.exit(1);
    }

    /** Null when the proof checks out, else why not. */
    @SuppressWarnings("unchecked")
    static String check(Map<String, Object> proof, String publishedKey) throws Exception {
        if (!FORMAT.equals(proof.get("format"))) {
            return "unknown format " + proof.get("format") + " (expected " + FORMAT + ")";
        }
        Map<String, Object> r = (Map<String, Object>) proof.get("record");
        Map<String, Object> head = (Map<String, Object>) proof.get("treeHead");
        long seq = (long) r.get("seq");
        long leafIndex = (long) proof.get("leafIndex");
        long treeSize = (long) proof.get("treeSize");
        if (leafIndex != seq - 1) {
            return "leaf index " + leafIndex + " is not the place of record " + seq;
        }
        if (treeSize != (long) head.get("treeSize")) {
            return "the proof's tree size differs from its tree head's";
        }

        // 1. The record's canonical bytes: a tag, then every field as a 4-byte big-endian length and its UTF-8 bytes.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(RECORD_TAG.getBytes(StandardCharsets.US_ASCII));
        for (String field : new String[] {Long.toString(seq), (String) r.get("at"), (String) r.get("actor"),
                (String) r.get("action"), (String) r.get("entityType"), (String) r.get("entityId"),
                (String) r.get("before"), (String) r.get("after"), (String) r.get("previousHash")}) {
            if (field == null) {
                return "the record lacks a field";
            }
            byte[] b = field.getBytes(StandardCharsets.UTF_8);
            bytes.write(b.length >>> 24);
            bytes.write(b.length >>> 16);
            bytes.write(b.length >>> 8);
            bytes.write(b.length);
            bytes.writeBytes(b);
        }
        byte[] canonical = bytes.toByteArray();
        HexFormat hex = HexFormat.of();
        if (!hex.formatHex(sha256(canonical)).equals(r.get("hash"))) {
            return "the record's fields do not give its hash: the record was changed";
        }

        // 2. RFC 6962: leaf = SHA-256(0x00 || bytes); the path leads to the root (RFC 9162, section 2.1.3.2).
        byte[] node = sha256(new byte[] {0x00}, canonical);
        List<Object> path = (List<Object>) proof.get("auditPath");
        long fn = leafIndex;
        long sn = treeSize - 1;
        if (fn < 0 || fn > sn) {
            return "leaf index " + leafIndex + " is outside a tree of " + treeSize;
        }
        for (Object p : path) {
            byte[] sibling = hex.parseHex((String) p);
            if (sn == 0) {
                return "the audit path is longer than the tree is high";
            }
            if ((fn & 1) == 1 || fn == sn) {
                node = sha256(new byte[] {0x01}, sibling, node);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                node = sha256(new byte[] {0x01}, node, sibling);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            return "the audit path is shorter than the tree is high";
        }
        String root = hex.formatHex(node);
        if (!root.equals(head.get("rootHash"))) {
            return "the audit path does not lead to the signed root (" + root + " instead of "
                    + head.get("rootHash") + "): record or path were changed";
        }

        // 3. The tree head's Ed25519 signature over its text form, with the published key (or the proof's own).
        String embeddedKey = (String) proof.get("publicKey");
        PublicKey key = publicKey(publishedKey != null ? publishedKey : embeddedKey);
        if (publishedKey != null && embeddedKey != null && !key.equals(publicKey(embeddedKey))) {
            return "the proof names another public key than the published one";
        }
        String signed = HEAD_TAG + "\n" + head.get("treeSize") + "\n" + head.get("rootHash") + "\n"
                + head.get("timestamp") + "\n";
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(signed.getBytes(StandardCharsets.UTF_8));
        boolean valid;
        try {
            valid = verifier.verify(Base64.getDecoder().decode((String) head.get("signature")));
        } catch (IllegalArgumentException | java.security.SignatureException e) {
            valid = false;
        }
        return valid ? null : "the tree head's signature does not verify with the public key";
    }

    static PublicKey publicKey(String pem) throws Exception {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                .decode(base64)));
    }

    static byte[] sha256(byte[]... parts) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (byte[] p : parts) {
            sha.update(p);
        }
        return sha.digest();
    }

    /** A small JSON reader (RFC 8259): objects, arrays, strings, integers, true, false, null. */
    static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Object parse() {
            Object v = value();
            space();
            if (i != s.length()) {
                throw error("unexpected text after the document");
            }
            return v;
        }

        private Object value() {
            space();
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(i);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default:
                    return number();
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            i++;
            space();
            if (peek() == '}') {
                i++;
                return m;
            }
            while (true) {
                space();
                String key = string();
                space();
                expect(':');
                if (m.put(key, value()) != null) {
                    throw error("duplicate field " + key);
                }
                space();
                if (peek() == ',') {
                    i++;
                } else {
                    expect('}');
                    return m;
                }
            }
        }

        private List<Object> array() {
            List<Object> a = new ArrayList<>();
            i++;
            space();
            if (peek() == ']') {
                i++;
                return a;
            }
            while (true) {
                a.add(value());
                space();
                if (peek() == ',') {
                    i++;
                } else {
                    expect(']');
                    return a;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c < 0x20) {
                    throw error("control character in a string");
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> throw error("bad escape \\" + e);
                }
            }
        }

        private Object number() {
            int start = i;
            if (peek() == '-') {
                i++;
            }
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (start == i || i < s.length() && ".eE".indexOf(s.charAt(i)) >= 0) {
                throw error("only whole numbers are expected");
            }
            return Long.parseLong(s.substring(start, i));
        }

        private Object literal(String word, Object value) {
            if (!s.startsWith(word, i)) {
                throw error("unexpected text");
            }
            i += word.length();
            return value;
        }

        private char peek() {
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            return s.charAt(i);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            i++;
        }

        private void space() {
            while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
        }

        private IllegalArgumentException error(String why) {
            return new IllegalArgumentException("JSON at character " + i + ": " + why);
        }
    }
}
