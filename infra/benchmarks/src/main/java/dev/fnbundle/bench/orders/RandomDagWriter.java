package dev.fnbundle.bench.orders;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a seeded random DAG in the graph format: nodes get a hidden rank and depend only on lower ranks, half of
 * the dependencies near their own rank (long chains, many batches) and half anywhere below (wide fan-in); keys
 * come in random order, names do not reveal ranks, and about 2% of the nodes appear only as dependencies.
 */
public final class RandomDagWriter {
    private RandomDagWriter() {
    }

    public static void write(Path file, int nodes, long edges, long seed) throws IOException {
        Random random = new Random(seed);
        int[] nameOfRank = permutation(nodes, random);
        int[] keyOrder = permutation(nodes, random);
        double averageDependencies = edges / (nodes * 0.98);
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (BufferedWriter out = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(partial), StandardCharsets.UTF_8), 1 << 20)) {
            out.write('{');
            boolean first = true;
            for (int rank : keyOrder) {
                if (random.nextInt(50) == 0) {
                    continue;
                }
                out.write(first ? "\n\"n" : ",\n\"n");
                first = false;
                out.write(Integer.toString(nameOfRank[rank]));
                out.write("\":[");
                int count = rank == 0 ? 0 : (int) Math.round(random.nextDouble() * 2 * averageDependencies);
                for (int d = 0; d < count; d++) {
                    int dependency = random.nextBoolean()
                            ? Math.max(0, rank - 1 - random.nextInt(1000))
                            : random.nextInt(rank);
                    out.write(d == 0 ? "\"n" : ",\"n");
                    out.write(Integer.toString(nameOfRank[dependency]));
                    out.write('"');
                }
                out.write(']');
            }
            out.write("\n}\n");
        }
        Files.move(partial, file);
    }

    private static int[] permutation(int n, Random random) {
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
        return values;
    }
}
