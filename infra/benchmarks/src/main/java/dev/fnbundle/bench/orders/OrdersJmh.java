package dev.fnbundle.bench.orders;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fnbundle.orders.graph.DependencyGraph;
import dev.fnbundle.orders.graph.GraphJsonReader;
import dev.fnbundle.orders.graph.GraphLimits;
import dev.fnbundle.orders.graph.GraphPhases;
import dev.fnbundle.orders.graph.OrderResolver;
import dev.fnbundle.orders.graph.Resolution;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH benchmarks of the order resolver on one graph file: end to end (file to order) and each phase on its own.
 * The file is read through {@link GraphJsonReader}, the reader the HTTP handler uses, with the node and
 * dependency caps lifted (the API caps a request at 100 000 nodes; this file has a million).
 */
@State(Scope.Benchmark)
public class OrdersJmh {
    static final GraphLimits UNCAPPED = GraphLimits.DEFAULT.withMaxNodes(Integer.MAX_VALUE - 16)
            .withMaxDependencies(Integer.MAX_VALUE - 16);

    @Param("")
    public String file;

    private final GraphJsonReader reader = new GraphJsonReader(UNCAPPED);
    private final OrderResolver resolver = new OrderResolver();
    private final ObjectMapper json = new ObjectMapper();
    private DependencyGraph graph;
    private Resolution resolution;

    /** A filled builder, made outside the timing for each call of {@link #graphBuild}: each builder builds once. */
    @State(Scope.Thread)
    public static class Filled {
        @Param("")
        public String file;
        Object builder;

        @Setup(Level.Iteration)
        public void fill() throws IOException {
            builder = GraphPhases.readAndIntern(Path.of(file), UNCAPPED);
        }
    }

    @Setup(Level.Trial)
    public void readOnce() throws IOException {
        graph = readGraph();
        resolution = resolver.resolve(graph);
    }

    /** File to order: read, intern, build, resolve. */
    @Benchmark
    public Resolution endToEnd() throws IOException {
        return resolver.resolve(readGraph());
    }

    /** Phase 1: bytes to tokens to interned ids, the builder filled. */
    @Benchmark
    public Object readIntern() throws IOException {
        return GraphPhases.readAndIntern(Path.of(file), UNCAPPED);
    }

    /** Phase 2: successor rows, predecessor counts and one String per name. */
    @Benchmark
    public DependencyGraph graphBuild(Filled filled) {
        return GraphPhases.build(filled.builder);
    }

    /** Phase 3: graphlib's static order. */
    @Benchmark
    public Resolution ordering() {
        return resolver.resolve(graph);
    }

    /** Phase 4: the order as the JSON array an API response carries. */
    @Benchmark
    public byte[] output() throws IOException {
        return json.writeValueAsBytes(resolution.order());
    }

    private DependencyGraph readGraph() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return reader.readGraph(in);
        }
    }
}
