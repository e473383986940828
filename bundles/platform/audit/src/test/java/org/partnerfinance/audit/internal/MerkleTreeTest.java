package org.partnerfinance.audit.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.Test;

/**
 * The tree math against the RFC 6962 reference vectors of Certificate Transparency (the leaves, roots and inclusion
 * proofs of transparency-dev/merkle and Google Trillian's tests), then against the definition for every size up to 70
 * and every leaf: the incremental edge, stored subtrees and the proof check must all agree with the recursive
 * definition, including sizes that are not powers of two.
 */
public class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    private static final String[] LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};

    /** Roots of the trees of the first 1..8 reference leaves. */
    private static final String[] ROOTS = {
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    private static List<byte[]> referenceLeafHashes() {
        List<byte[]> hashes = new ArrayList<>();
        for (String leaf : LEAVES) {
            hashes.add(MerkleTree.leafHash(HEX.parseHex(leaf)));
        }
        return hashes;
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    @Test
    public void hashesMatchTheReferenceVectors() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                HEX.formatHex(MerkleTree.emptyRoot()));
        assertEquals("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56",
                HEX.formatHex(MerkleTree.leafHash("L123456".getBytes(StandardCharsets.US_ASCII))));
        assertEquals("aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb",
                HEX.formatHex(MerkleTree.nodeHash("N123".getBytes(StandardCharsets.US_ASCII),
                        "N456".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    public void rootsMatchTheReferenceVectorsForEverySize() {
        List<byte[]> leaves = referenceLeafHashes();
        MerkleTree.Frontier edge = new MerkleTree.Frontier();
        assertArrayEquals(MerkleTree.emptyRoot(), edge.root());
        for (int n = 1; n <= leaves.size(); n++) {
            assertEquals("size " + n, ROOTS[n - 1], HEX.formatHex(MerkleTree.root(leaves.subList(0, n))));
            edge.append(leaves.get(n - 1), 0, null);
            assertEquals("incremental, size " + n, ROOTS[n - 1], HEX.formatHex(edge.root()));
        }
    }

    @Test
    public void inclusionProofsMatchTheReferenceVectors() {
        List<byte[]> leaves = referenceLeafHashes();
        // (leaf index, tree size) -> audit path, from the reference tests (which number leaves from 1)
        assertEquals(List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
                hex(MerkleTree.path(leaves.subList(0, 8), 0)));
        assertEquals(List.of("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
                hex(MerkleTree.path(leaves.subList(0, 8), 5)));
        assertEquals(List.of("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
                hex(MerkleTree.path(leaves.subList(0, 3), 2)));
        assertEquals(List.of("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
                hex(MerkleTree.path(leaves.subList(0, 5), 1)));
        assertEquals(List.of(), hex(MerkleTree.path(leaves.subList(0, 1), 0)));

        for (int[] c : new int[][] {{0, 8}, {5, 8}, {2, 3}, {1, 5}, {0, 1}}) {
            List<byte[]> tree = leaves.subList(0, c[1]);
            assertEquals(ROOTS[c[1] - 1], HEX.formatHex(MerkleTree.rootFromPath(c[0], c[1], leaves.get(c[0]),
                    MerkleTree.path(tree, c[0]))));
        }
    }

    @Test
    public void everyLeafOfEveryTreeUpTo70ProvesAndNothingElseDoes() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            leaves.add(MerkleTree.leafHash(new byte[] {(byte) i, (byte) (i * 7)}));
        }
        for (int n = 1; n <= leaves.size(); n++) {
            List<byte[]> tree = leaves.subList(0, n);
            byte[] root = MerkleTree.root(tree);
            for (int m = 0; m < n; m++) {
                List<byte[]> path = MerkleTree.path(tree, m);
                assertArrayEquals(n + "/" + m, root, MerkleTree.rootFromPath(m, n, leaves.get(m), path));
                // another leaf, another place, a changed path or a path for another size lead elsewhere
                byte[] other = leaves.get((m + 1) % leaves.size());
                assertTrue(notRoot(root, MerkleTree.rootFromPath(m, n, other, path)));
                if (n > 1) {
                    assertTrue(notRoot(root, MerkleTree.rootFromPath((m + 1) % n, n, leaves.get(m), path)));
                    List<byte[]> changed = new ArrayList<>(path);
                    byte[] first = changed.get(0).clone();
                    first[0] ^= 1;
                    changed.set(0, first);
                    assertTrue(notRoot(root, MerkleTree.rootFromPath(m, n, leaves.get(m), changed)));
                    assertNull(MerkleTree.rootFromPath(m, n, leaves.get(m), path.subList(0, path.size() - 1)));
                }
            }
        }
    }

    private static boolean notRoot(byte[] root, byte[] computed) {
        return computed == null || !HEX.formatHex(root).equals(HEX.formatHex(computed));
    }

    @Test
    public void theEdgeReportsEveryCompleteSubtreeOnceAndSurvivesStorage() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            leaves.add(MerkleTree.leafHash(Integer.toString(i).getBytes(StandardCharsets.US_ASCII)));
        }
        Map<String, String> nodes = new TreeMap<>();
        MerkleTree.Frontier edge = new MerkleTree.Frontier();
        for (int i = 0; i < leaves.size(); i++) {
            // stored and read back at every size, as the service does between appends
            edge = MerkleTree.Frontier.decode(edge.size(), edge.encode());
            edge.append(leaves.get(i), 2, (level, index, hash) -> {
                assertTrue(nodes.put(level + "/" + index, HEX.formatHex(hash)) == null);
            });
            assertEquals("size " + (i + 1), HEX.formatHex(MerkleTree.root(leaves.subList(0, i + 1))),
                    HEX.formatHex(edge.root()));
        }
        // every complete aligned subtree of 4+ leaves inside 1000 leaves, with the hash of its leaves
        int expected = 0;
        for (int level = 2; (1 << level) <= 1000; level++) {
            for (int index = 0; (index + 1) << level <= 1000; index++) {
                expected++;
                assertEquals(HEX.formatHex(MerkleTree.root(leaves.subList(index << level, (index + 1) << level))),
                        nodes.get(level + "/" + index));
            }
        }
        assertEquals(expected, nodes.size());
    }

    @Test
    public void theSplitIsTheLargestPowerOfTwoBelowTheSize() {
        assertEquals(1, MerkleTree.split(2));
        assertEquals(2, MerkleTree.split(3));
        assertEquals(2, MerkleTree.split(4));
        assertEquals(4, MerkleTree.split(5));
        assertEquals(512, MerkleTree.split(1000));
        assertEquals(1L << 39, MerkleTree.split(1L << 40));
    }
}
