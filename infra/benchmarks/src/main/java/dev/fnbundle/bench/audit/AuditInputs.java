package dev.fnbundle.bench.audit;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.configaudit.audit.AuditRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The audit benchmark's input, issue 17's case: two INI configs of {@value #LINES} lines with unique keys
 * ({@code [section_N]} headers, each followed by 19 {@code option_K = value-R} lines), the second with 1% of the
 * key lines changed (seed {@value #SEED}); audited as {@code POST /audits} with {@code format: ini}.
 *
 * @param baseline the template's text
 * @param current  the deployed text
 */
public record AuditInputs(String baseline, String current) {
    static final int LINES = 20_000;
    static final long SEED = 20261206L;

    public static AuditInputs of() {
        Random random = new Random(SEED);
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        int section = 0;
        for (int n = 0; n < LINES; section++) {
            String header = "[section_" + section + "]\n";
            a.append(header);
            b.append(header);
            n++;
            for (int k = 0; k < 19 && n < LINES; k++, n++) {
                String line = "option_" + k + " = value-" + random.nextInt(1_000_000_000);
                a.append(line).append('\n');
                b.append(line).append(random.nextInt(100) == 0 ? "-changed" : "").append('\n');
            }
        }
        return new AuditInputs(a.toString(), b.toString());
    }

    /** The auditor's request. */
    public AuditRequest request() {
        return new AuditRequest("app.ini", baseline, current, "ini", List.of(), null, null);
    }

    /** The {@code POST /audits} body. */
    public String body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "app.ini");
        body.put("baseline", baseline);
        body.put("current", current);
        body.put("format", "ini");
        return Json.write(body);
    }

    /** The HTTP API event of {@code POST /audits} with this body, as the local runtime and API Gateway send it. */
    public APIGatewayV2HTTPEvent event() {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("POST /audits")
                .withRawPath("/audits")
                .withHeaders(Map.of("content-type", "application/json"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("bench")
                        .withRouteKey("POST /audits")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST")
                                .withPath("/audits").build())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.of("sub", "bench")).build())
                                .build())
                        .build())
                .withBody(body())
                .withIsBase64Encoded(false)
                .build();
    }

    /** Writes both texts for the Python reference; returns their paths. */
    Path[] write(Path dir) {
        try {
            Files.createDirectories(dir);
            Path fa = dir.resolve("template.ini");
            Path fb = dir.resolve("deployed.ini");
            Files.writeString(fa, baseline);
            Files.writeString(fb, current);
            return new Path[] {fa, fb};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
