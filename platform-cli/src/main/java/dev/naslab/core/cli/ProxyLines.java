package dev.naslab.core.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.naslab.api.ZeroCostProxy;
import dev.naslab.api.Suggestions;
import dev.naslab.api.base.Rng;
import dev.naslab.api.data.Batch;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.model.Network;
import dev.naslab.core.UserException;
import dev.naslab.core.plugin.Kind;
import dev.naslab.core.plugin.Registry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code naslab inspect --arch-file F --proxy P ...}: the zero-cost proxies of many architectures, one line each,
 * {@code <architecture>} then {@code <proxy>=<value>} pairs separated by tabs, in the file's order. Every network is
 * built with the same seed and scored on the same batch: random images (standard normal) and random labels, drawn
 * once from the seed, which data-free proxies read only for its shape.
 */
final class ProxyLines {

    private final SpaceChoice space;
    private final List<ZeroCostProxy<Record>> proxies;
    private final InputShape shape;
    private final int classes;

    private ProxyLines(SpaceChoice space, List<ZeroCostProxy<Record>> proxies, InputShape shape, int classes) {
        this.space = space;
        this.proxies = proxies;
        this.shape = shape;
        this.classes = classes;
    }

    /** The proxies named {@code ids}, refused with a did-you-mean when one is not installed or the engine cannot compute it. */
    @SuppressWarnings("unchecked")
    static ProxyLines of(Registry registry, SpaceChoice space, List<String> ids, InputShape shape, int classes,
            String engine) {
        List<ZeroCostProxy<Record>> proxies = new ArrayList<>();
        for (String id : ids) {
            var entry = registry.find(Kind.PROXY, id);
            if (entry.isEmpty()) {
                throw new UserException("--proxy: unknown zero-cost proxy '" + id + "'"
                        + Suggestions.hint(id, registry.ids(Kind.PROXY)) + "; installed: "
                        + String.join(", ", registry.ids(Kind.PROXY)));
            }
            ZeroCostProxy<Record> p = (ZeroCostProxy<Record>) entry.get().extension();
            p.unsupported(engine).ifPresent(why -> {
                throw new UserException("--proxy " + id + ": " + why);
            });
            proxies.add(p);
        }
        return new ProxyLines(space, proxies, shape, classes);
    }

    /** The file's architectures, parsed; a line that is not one is an error naming the file and the line. */
    List<Architecture> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UserException("--arch-file " + file + ": cannot read it (" + e.getMessage() + ")");
        }
        List<Architecture> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                out.add(space.space().parse(line, space.settings()));
            } catch (IllegalArgumentException e) {
                throw new UserException(file + ":" + (i + 1) + ": not an architecture of this space: " + e.getMessage());
            }
        }
        if (out.isEmpty()) {
            throw new UserException("--arch-file " + file + ": no architecture in it (one per line)");
        }
        return out;
    }

    /** Scores every architecture and prints its line as soon as it is scored. */
    void print(List<Architecture> archs, int batchSize, long seed, NDManager m, PrintStream out) {
        Rng rng = new Rng(seed);
        int n = batchSize;
        float[] images = new float[n * shape.channels() * shape.height() * shape.width()];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) rng.nextGaussian();
        }
        int[] labels = new int[n];
        float[] oneHot = new float[n * classes];
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(classes);
            oneHot[i * classes + labels[i]] = 1;
        }
        try (Batch batch = new Batch(m.create(images, new Shape(n, shape.channels(), shape.height(), shape.width())),
                m.create(oneHot, new Shape(n, classes)), labels)) {
            for (Architecture a : archs) {
                StringBuilder line = new StringBuilder(space.space().format(a, space.settings()));
                for (ZeroCostProxy<Record> p : proxies) {
                    try (NDManager scope = m.newSubManager();
                            Network net = space.space().network(a, space.settings(), shape, classes, new Rng(seed), scope)) {
                        double v = p.score(net, batch, settings(p));
                        line.append('\t').append(p.id()).append('=').append(format(v));
                    }
                }
                out.println(line);
            }
        }
    }

    private static Record settings(ZeroCostProxy<Record> p) {
        try {
            return p.settingsClass().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new UserException("zero-cost proxy " + p.id() + " has settings; naslab inspect runs proxies without any");
        }
    }

    /** Integers as integers, others with 10 significant digits; -inf where the proxy gives it. */
    static String format(double v) {
        if (Double.isInfinite(v)) {
            return v < 0 ? "-inf" : "inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.10g", v);
    }
}
