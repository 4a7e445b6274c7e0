package dev.fnbundle.bench;

import java.util.List;

/** How the suites that run the local runtime start its JVM: as the {@code local} profile of infra/local's pom does. */
public final class LocalRuntimeJvm {
    /** The runtime JVM's options in that profile (C2 for code that stays hot only). */
    public static final List<String> OPTIONS = List.of("--enable-native-access=ALL-UNNAMED",
            "-XX:Tier4InvocationThreshold=50000", "-XX:Tier4MinInvocationThreshold=6000",
            "-XX:Tier4CompileThreshold=150000", "-XX:Tier4BackEdgeThreshold=400000");

    private LocalRuntimeJvm() {
    }
}
