package dev.naslab.core.results;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Facts that reproduce a run beyond its configuration: the machine, naslab's version, jar hashes. */
public final class Provenance {

    private Provenance() {
    }

    /** naslab's version from the host jar's manifest ("development" when run from classes). */
    public static String naslabVersion() {
        String v = Provenance.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    /** CPU model, logical cores, OS and the oneDNN ISA cap in force. */
    public static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpu", cpuModel());
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        m.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        String isa = System.getenv("DNNL_MAX_CPU_ISA");
        m.put("dnnl_max_cpu_isa", isa == null ? "(default)" : isa);
        return m;
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: fall through
        }
        return System.getProperty("os.arch");
    }

    /** SHA-256 of a plugin jar; "folder" for a development-mode plugin folder, "unknown" without a source. */
    public static String sha256(Path file) {
        if (file == null || !Files.exists(file)) {
            return "unknown";
        }
        if (Files.isDirectory(file)) {
            return "folder";
        }
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0;) {
                d.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
