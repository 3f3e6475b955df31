package dev.naslab.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Addresses, tokens and plugin inventories: what users type and what members compare. */
class ClusterSettingsTest {

    @Test
    void addressesParseWithTheDefaultPortAndBadOnesSayWhatToWrite() {
        assertEquals(List.of(new ClusterAddress("10.0.0.5", 5701), new ClusterAddress("h2", 6000)),
                ClusterAddress.parseList("--join", "10.0.0.5, h2:6000"));
        ClusterException e = assertThrows(ClusterException.class, () -> ClusterAddress.parseList("--cluster", "h:99999"));
        assertEquals("--cluster: 'h:99999' has no valid port; write HOST:PORT, e.g. 10.0.0.5:5701", e.getMessage());
        assertThrows(ClusterException.class, () -> ClusterAddress.parseList("--cluster", ":5701"));
        assertThrows(ClusterException.class, () -> ClusterAddress.parseList("--cluster", " , "));
    }

    @Test
    void theClusterNameDependsOnTheTokenOnly(@TempDir Path tmp) throws Exception {
        String a = ClusterToken.clusterName("correct horse battery");
        assertEquals(a, ClusterToken.clusterName("correct horse battery"));
        assertNotEquals(a, ClusterToken.clusterName("correct horse battery!"));
        assertTrue(a.matches("naslab-[0-9a-f]{32}"), a);
        assertTrue(!a.contains("horse"), "the token itself never crosses the wire");

        Path f = tmp.resolve("token");
        Files.writeString(f, "  0123456789abcdef\n");
        assertEquals("0123456789abcdef", ClusterToken.resolve(f), "surrounding white space is not part of it");
        Files.writeString(f, "short");
        ClusterException e = assertThrows(ClusterException.class, () -> ClusterToken.resolve(f));
        assertTrue(e.getMessage().contains("holds a token of 5 characters; use at least 12"), e.getMessage());
        ClusterException missing = assertThrows(ClusterException.class, () -> ClusterToken.resolve(tmp.resolve("none")));
        assertTrue(missing.getMessage().startsWith("cannot read the cluster token file "), missing.getMessage());
    }

    @Test
    void aMemberLacksWhatItDoesNotHaveIdenticallyBuilt() {
        Map<String, PluginStamp> needed = Map.of("optimizer-darts", new PluginStamp("0.1.0", "aaaaaaaaaaaaaaaa"),
                "selector-magnitude", new PluginStamp("0.1.0", "bbbbbbbbbbbbbbbb"),
                "space-nas-bench-201", new PluginStamp("0.1.0", "cccccccccccccccc"));
        Map<String, PluginStamp> have = Map.of("optimizer-darts", new PluginStamp("0.0.9", "aaaaaaaaaaaaaaaa"),
                "space-nas-bench-201", new PluginStamp("0.1.0", "dddddddddddddddd"),
                "selector-perturbation", new PluginStamp("0.1.0", "eeeeeeeeeeeeeeee"));
        List<String> lacks = PluginInventory.lacking(new java.util.TreeMap<>(needed), have);
        assertEquals(List.of("plugin optimizer-darts 0.1.0 (it has 0.0.9)",
                "plugin selector-magnitude 0.1.0 (not installed)",
                "plugin space-nas-bench-201 0.1.0 as built here (its jar differs: sha256 dddddddddddd… vs cccccccccccc…)"),
                lacks);
        assertEquals(List.of(), PluginInventory.lacking(new java.util.TreeMap<>(needed), needed));
        assertEquals(needed, PluginInventory.decode(PluginInventory.encode(needed)), "member attributes round-trip");
        assertEquals(Map.of(), PluginInventory.decode("not json"));
    }
}
