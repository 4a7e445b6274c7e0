package dev.fnbundle.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fnbundle.embedded.FreePorts;
import dev.fnbundle.local.console.Console;
import dev.fnbundle.local.function.InvocationResult;
import dev.fnbundle.local.observe.Trigger;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --debug FUNCTION:PORT}: the function's JVM listens for a debugger (JDWP) on loopback, its Timeout is not
 * enforced, and with {@code --debug-suspend} it waits for the debugger before its init.
 */
class DebugTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] HANDSHAKE = "JDWP-Handshake".getBytes(StandardCharsets.US_ASCII);

    @Test
    void the_debugged_function_listens_for_a_debugger_and_answers_the_jdwp_handshake() throws Exception {
        var pool = FixtureRuntime.shared().pools().get("DebuggedFunction");

        try (var debugger = handshake(pool.debugPort())) {
            assertThat(debugger.isConnected()).isTrue();
        }
        assertThat(pool.maxInstances()).isEqualTo(1);
        assertThat(pool.state()).isEqualTo("ready (debugger on port " + pool.debugPort() + ")");
        if (ListeningSockets.available()) {
            assertThat(ListeningSockets.ofThisProcessTree()).filteredOn(socket -> socket.port() == pool.debugPort())
                    .isNotEmpty().allSatisfy(socket -> assertThat(socket.loopback()).isTrue());
        }
    }

    @Test
    void an_invocation_longer_than_the_functions_timeout_completes_while_debugging() throws Exception {
        var pool = FixtureRuntime.shared().pools().get("DebuggedFunction");
        assertThat(pool.spec().timeoutSeconds()).isEqualTo(1);

        InvocationResult result = pool.invoke("{\"sleepMillis\": 2500}".getBytes(StandardCharsets.UTF_8),
                Trigger.invoke("RequestResponse"));

        assertThat(result.outcome()).isEqualTo(InvocationResult.Outcome.SUCCESS);
        assertThat(result.payloadText()).isEqualTo("\"awake\"");
        assertThat(result.durationMillis()).isGreaterThan(2_000);
    }

    @Test
    void an_undebugged_function_still_times_out() throws Exception {
        var pool = FixtureRuntime.shared().pools().get("SleepyFunction");

        InvocationResult result = pool.invoke("{\"sleepMillis\": 5000}".getBytes(StandardCharsets.UTF_8),
                Trigger.invoke("RequestResponse"));

        assertThat(result.outcome()).isEqualTo(InvocationResult.Outcome.TIMEOUT);
    }

    @Test
    void with_debug_suspend_the_function_waits_for_the_debugger_before_its_init() throws Exception {
        Path template = FixtureStack.withOneFunction("DebuggedFunction", "SleepyHandler", 1);
        int port = FreePorts.find();
        var options = Options.parse(List.of("start", "--template", template.toString(), "--port", "0", "--no-mail",
                "--dynamodb-port", "0", "--sqs-port", "0", "--no-aot-cache", "--debug", "DebuggedFunction:" + port,
                "--debug-suspend"), template.getParent());
        var console = new Console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);

        try (var stack = BundleRuntime.start(options, console)) {
            String waiting = "waiting for a debugger on port " + port;
            for (long end = System.nanoTime() + Duration.ofMinutes(1).toNanos(); System.nanoTime() < end
                    && !state(stack.port()).equals(waiting); ) {
                Thread.sleep(100);
            }
            assertThat(stack.awaitWarm(Duration.ofSeconds(5))).isFalse();
            var health = health(stack.port());
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(MAPPER.readTree(health.body()).path("functions").path("DebuggedFunction").asText())
                    .isEqualTo(waiting);

            try (var debugger = handshake(port)) {
                resume(debugger);
                assertThat(stack.awaitWarm(Duration.ofMinutes(3))).isTrue();
                assertThat(health(stack.port()).statusCode()).isEqualTo(200);
                var result = stack.pools().get("DebuggedFunction").invoke("{\"answer\": \"now\"}"
                        .getBytes(StandardCharsets.UTF_8), Trigger.invoke("RequestResponse"));
                assertThat(result.payloadText()).isEqualTo("\"awake\"");
            }
        }
    }

    /** Connects as a debugger does: JDWP starts with both sides sending "JDWP-Handshake". */
    private static Socket handshake(int port) throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 0; attempt < 300; attempt++) {
            try {
                var socket = new Socket(InetAddress.getLoopbackAddress(), port);
                socket.setSoTimeout(30_000);
                socket.getOutputStream().write(HANDSHAKE);
                byte[] answer = new DataInputStream(socket.getInputStream()).readNBytes(HANDSHAKE.length);
                assertThat(new String(answer, StandardCharsets.US_ASCII)).isEqualTo("JDWP-Handshake");
                return socket;
            } catch (IOException e) {
                last = e;
                Thread.sleep(200);
            }
        }
        throw last;
    }

    /** JDWP VirtualMachine.Resume (command set 1, command 9), and its reply. */
    private static void resume(Socket debugger) throws IOException {
        var out = new DataOutputStream(debugger.getOutputStream());
        out.writeInt(11);
        out.writeInt(1);
        out.writeByte(0);
        out.writeByte(1);
        out.writeByte(9);
        out.flush();
        var in = new DataInputStream(debugger.getInputStream());
        while (true) {
            // A suspended VM first sends its VM_START event (a command packet); the reply is the packet with flag 0x80.
            int length = in.readInt();
            int id = in.readInt();
            byte flags = in.readByte();
            short errorOrCommand = in.readShort();
            in.readNBytes(length - 11);
            if ((flags & 0x80) == 0x80) {
                assertThat(id).isEqualTo(1);
                assertThat(errorOrCommand).isZero();
                return;
            }
        }
    }

    private static String state(int port) throws Exception {
        return MAPPER.readTree(health(port).body()).path("functions").path("DebuggedFunction").asText();
    }

    private static HttpResponse<String> health(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/_local/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
