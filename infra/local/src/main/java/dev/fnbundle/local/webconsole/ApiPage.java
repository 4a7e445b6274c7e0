package dev.fnbundle.local.webconsole;

import dev.fnbundle.embedded.template.UnsupportedTemplateException;
import dev.fnbundle.local.BundleRuntime;
import dev.fnbundle.local.api.RouteTable;
import java.util.ArrayList;
import java.util.List;

/**
 * API: the HTTP API's routes with their authorizer and scopes, a "try it" form that calls a route with the dev
 * token (fetched by the page's script into memory when it sends, and put in the Authorization header, never in
 * the page or a URL), and the OpenAPI document shown with swagger-ui.
 */
final class ApiPage {
    private final BundleRuntime stack;
    private final OpenApiDocument openApi;

    ApiPage(BundleRuntime stack, OpenApiDocument openApi) {
        this.stack = stack;
        this.openApi = openApi;
    }

    Html render() {
        List<RouteTable.Route> routes = routes();
        var rows = new ArrayList<Html>();
        var options = new ArrayList<Html>();
        for (RouteTable.Route route : routes) {
            String path = route.segments().isEmpty() ? "/" : "/" + String.join("/", route.segments());
            rows.add(Html.of("<tr><td><span class=\"method\">{}</span> <code>{}</code></td><td>{}</td><td>{}</td>"
                    + "<td>{}</td></tr>", route.method(), path, route.functionLogicalId(), authorizer(route),
                    route.scopes().isEmpty() ? "" : String.join(" ", route.scopes())));
            options.add(Html.of("<option value=\"{}\" data-method=\"{}\" data-path=\"{}\">{}</option>",
                    route.routeKey(), route.method().equals("ANY") ? "GET" : route.method(), path, route.routeKey()));
        }
        return Html.of("""
                <div class="split">
                <section>
                <h2>Try it</h2>
                <form id="try-it" class="try">
                <label>Route <select name="route">{}</select></label>
                <div class="row"><select name="method" aria-label="method">
                <option>GET</option><option>POST</option><option>PUT</option><option>PATCH</option>
                <option>DELETE</option></select>
                <input name="path" aria-label="path" size="40" value="/" spellcheck="false"></div>
                <label>Body (JSON) <textarea name="body" rows="6" cols="60" spellcheck="false"></textarea></label>
                <label class="inline"><input type="checkbox" name="auth" checked> send the dev token</label>
                <button type="submit">Send</button>
                </form>
                <p class="hint">Replace <code>{id}</code>-style segments in the path. The request goes to this
                runtime like any client's, through the JWT authorizer.</p>
                </section>
                <section>
                <h2>Response</h2>
                <div id="try-result" class="result"><p class="empty">Send a request to see its answer.</p></div>
                </section>
                </div>
                <h2>Routes</h2>
                <table class="grid"><thead><tr><th>Route</th><th>Function</th><th>Authorizer</th><th>Scopes</th>
                </tr></thead><tbody>{}</tbody></table>
                <h2>OpenAPI</h2>
                {}""", Html.join(options), Html.join(rows), openApiSection());
    }

    private Html openApiSection() {
        if (!openApi.exists()) {
            return Views.empty("No OpenAPI document at " + openApi.path() + " yet.");
        }
        return Html.of("""
                <p>The HTTP API's contract, <code>{}</code>, as JSON at
                <a href="/_local/openapi.json">/_local/openapi.json</a>:
                <a class="button" href="/_local/console/api/docs">open it in swagger-ui</a></p>""", openApi.path());
    }

    private static Html authorizer(RouteTable.Route route) {
        if (route.refusedBy() != null) {
            return Html.of("{} {}", route.refusedBy(), Views.badge("not run locally: refuses every request"));
        }
        return route.authorizer() == null ? Views.badge("open") : Html.of("{} (JWT)", route.authorizer().name());
    }

    /** Every route, the $default route last. */
    List<RouteTable.Route> routes() {
        try {
            RouteTable table = RouteTable.from(stack.model());
            var all = new ArrayList<>(table.routes());
            all.sort(java.util.Comparator.comparing(route -> String.join("/", route.segments()) + " "
                    + route.method()));
            table.defaultRoute().ifPresent(all::add);
            return all;
        } catch (UnsupportedTemplateException e) {
            return List.of();
        }
    }

    /** The swagger-ui page: the webjar's bundle and stylesheet, started by the console's own script. */
    static Html docs() {
        return Html.of("""
                <p><a href="/_local/console/api">← routes and "try it"</a> · requests sent from here carry the dev
                token as well.</p>
                <div id="swagger-ui" data-url="/_local/openapi.json"></div>""");
    }

    static Html docsHead() {
        return Html.of("""
                <link rel="stylesheet" href="/_local/console/webjars/swagger-ui/swagger-ui.css">
                <script src="/_local/console/webjars/swagger-ui/swagger-ui-bundle.js" defer></script>
                <script src="/_local/console/static/swagger-init.js" defer></script>
                """);
    }
}
