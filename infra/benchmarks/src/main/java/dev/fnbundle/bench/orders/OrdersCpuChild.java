package dev.fnbundle.bench.orders;

import dev.fnbundle.bench.report.CpuChild;
import dev.fnbundle.orders.graph.GraphJsonReader;
import dev.fnbundle.orders.graph.OrderResolver;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Child JVM: CPU time of file → order, the same operation as {@link OrdersJmh#endToEnd()}. */
public final class OrdersCpuChild {
    private OrdersCpuChild() {
    }

    public static void main(String[] args) throws Exception {
        GraphJsonReader reader = new GraphJsonReader(OrdersJmh.UNCAPPED);
        OrderResolver resolver = new OrderResolver();
        CpuChild.measure(file -> {
            try (InputStream in = Files.newInputStream(file)) {
                return resolver.resolve(reader.readGraph(in)).nodeCount();
            }
        }, Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    }
}
