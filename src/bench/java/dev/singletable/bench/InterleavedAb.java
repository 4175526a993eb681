package dev.singletable.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A/B of two builds in one JVM, for a machine too loaded for throughput figures: the same benchmark class is loaded
 * from each build's {@code target/classes} and {@code target/test-classes} (each in its own class loader, dependencies
 * from the classpath file), set up once each, then run in alternating slices (ABBA); a slice's cost is the thread's CPU
 * time per operation, which being descheduled does not inflate. The first quarter of the slices warms up. Prints the
 * median and mean of the slices per side and the ratio of the medians. Not a JMH run: no forks, no blackhole; it
 * compares two builds under the same conditions, it does not give the engine's speed.
 *
 * <p>Usage (classpath file as in docs/benchmarks.md, each build compiled with {@code -Pbench test-compile}):
 * {@code java -cp target/test-classes dev.singletable.bench.InterleavedAb target/bench-classpath.txt OLD NEW
 * dev.singletable.bench.QueryPageBenchmark descendingPageOf21 60 250 target=gsi}
 */
public final class InterleavedAb {
    public static void main(String[] a) throws Throwable {
        if (a.length < 7) {
            System.err.println(
                    "usage: InterleavedAb <classpathFile> <dirA> <dirB> <class> <method> <slices> <sliceMillis> [field=value...]");
            System.exit(2);
        }
        String deps = Files.readString(Path.of(a[0])).trim();
        String[] dirs = {a[1], a[2]};
        String cls = a[3], method = a[4];
        int slices = Integer.parseInt(a[5]);
        long sliceNanos = Long.parseLong(a[6]) * 1_000_000L;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Object[] targets = new Object[2];
        MethodHandle[] calls = new MethodHandle[2];
        for (int side = 0; side < 2; side++) {
            List<URL> urls = new ArrayList<>();
            urls.add(Path.of(dirs[side], "target/classes").toUri().toURL());
            urls.add(Path.of(dirs[side], "target/test-classes").toUri().toURL());
            for (String jar : deps.split(":")) urls.add(Path.of(jar).toUri().toURL());
            ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            Class<?> c = Class.forName(cls, true, loader);
            Object o = c.getConstructor().newInstance();
            for (int i = 7; i < a.length; i++) {
                String[] kv = a[i].split("=", 2);
                c.getField(kv[0]).set(o, kv[1]);
            }
            c.getMethod("setUp").invoke(o);
            targets[side] = o;
            calls[side] = MethodHandles.publicLookup()
                    .findVirtual(
                            c, method, MethodType.methodType(c.getMethod(method).getReturnType()))
                    .bindTo(o);
        }
        double[][] nsPerOp = new double[2][slices];
        Object sink = null;
        for (int s = -slices / 4; s < slices; s++) { // the first quarter warms up, not recorded
            for (int k = 0; k < 2; k++) {
                int side = ((s & 1) == 0) ? k : 1 - k; // ABBA order
                MethodHandle call = calls[side];
                long cpu0 = mx.getCurrentThreadCpuTime();
                long wall0 = System.nanoTime();
                long ops = 0;
                while (System.nanoTime() - wall0 < sliceNanos) {
                    for (int i = 0; i < 50; i++) sink = call.invoke();
                    ops += 50;
                }
                long cpu = mx.getCurrentThreadCpuTime() - cpu0;
                if (s >= 0) nsPerOp[side][s] = (double) cpu / ops;
            }
        }
        String[] names = {"A " + dirs[0], "B " + dirs[1]};
        for (int side = 0; side < 2; side++) {
            double[] v = nsPerOp[side].clone();
            Arrays.sort(v);
            double mean = Arrays.stream(v).average().orElse(0);
            double sd =
                    Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1));
            System.out.printf(
                    "%s: CPU us/op median %.2f mean %.2f +- %.2f (3.3 sd / sqrt(n)), %d slices%n",
                    names[side], v[v.length / 2] / 1000, mean / 1000, 3.3 * sd / Math.sqrt(v.length) / 1000, v.length);
        }
        double ratio = median(nsPerOp[0]) / median(nsPerOp[1]);
        System.out.printf("A/B CPU per op (median): %.3f  (B is %.1f%% cheaper)%n", ratio, 100 * (1 - 1 / ratio));
        if (sink == null) {
            System.out.println("(the benchmark method returned null)");
        }
        System.exit(0);
    }

    static double median(double[] x) {
        double[] v = x.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
