package dev.fnbundle.local.webconsole;

import dev.fnbundle.embedded.template.TableSpec;
import dev.fnbundle.local.BundleRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** Tables: every table with its item count; a table's items by scan or by key, page by page; one item as JSON. */
final class TablesPage {
    private static final int PREVIEW_CHARS = 160;

    private final BundleRuntime stack;
    private final TableOperations tables;

    TablesPage(BundleRuntime stack, TableOperations tables) {
        this.stack = stack;
        this.tables = tables;
    }

    Html list() {
        var rows = new ArrayList<Html>();
        for (TableSpec table : stack.model().tables().values()) {
            TableDescription description = tables.describe(table.name());
            var keys = TableOperations.keys(description);
            rows.add(Html.of("<tr><td>{}</td><td><code>{}</code></td><td>{}</td><td class=\"num\">{}</td></tr>",
                    Views.link(Layout.ROOT + "tables/", table.logicalId(), Map.of(), table.logicalId()),
                    table.name(), keys.sort() == null ? keys.partition() : keys.partition() + ", " + keys.sort(),
                    description.itemCount()));
        }
        return Html.of("""
                <table class="grid"><thead><tr><th>Table</th><th>Name</th><th>Key</th><th class="num">Items</th>
                </tr></thead><tbody>{}</tbody></table>""", Html.join(rows));
    }

    /** A table's items: a scan, or a query when the partition key is given. */
    Html browse(TableSpec table, ConsoleExchange exchange) {
        var keys = TableOperations.keys(tables.describe(table.name()));
        String partition = exchange.query("pk");
        Html results;
        try {
            var page = partition.isEmpty() ? tables.scan(table.name(), exchange.query("after"))
                    : tables.query(table.name(), keys, partition, new TableOperations.SortCondition(
                            exchange.query("op"), exchange.query("sk"), exchange.query("sk2")),
                    exchange.query("after"));
            results = results(table, keys, page, exchange);
        } catch (TableOperations.InvalidKeyException e) {
            exchange.status(400);
            results = Html.of("<p class=\"error\" role=\"alert\">{}</p>", e.getMessage());
        }
        return Html.of("""
                <form class="filters" method="get" action="{}">
                <label>{} <input name="pk" value="{}" placeholder="partition key" size="30"></label>
                {}
                <button type="submit">Query</button> <a href="{}">Scan all</a>
                </form>
                {}""", Html.url(Layout.ROOT + "tables/", table.logicalId(), Map.of()), keys.partition(), partition,
                keys.sort() == null ? Html.EMPTY : Html.of("""
                        <label>{} <span class="pair">{} <input name="sk" value="{}" size="20"></span></label>
                        <label>and <input name="sk2" value="{}" size="12" placeholder="(between)"></label>""",
                        keys.sort(), InvocationsPage.select("op", exchange.query("op"), TableOperations.OPERATORS),
                        exchange.query("sk"), exchange.query("sk2")),
                Html.url(Layout.ROOT + "tables/", table.logicalId(), Map.of()), results);
    }

    private Html results(TableSpec table, TableOperations.Keys keys, TableOperations.Page page,
                         ConsoleExchange exchange) {
        var rows = new ArrayList<Html>();
        for (Map<String, AttributeValue> item : page.items()) {
            var link = Html.url(Layout.ROOT + "tables/", table.logicalId(), "/item",
                    Map.of("key", TableOperations.keyToken(item, keys)));
            rows.add(Html.of("<tr><td><a href=\"{}\">{}</a></td><td>{}</td><td><code>{}</code></td></tr>", link,
                    text(item.get(keys.partition())), keys.sort() == null ? "" : text(item.get(keys.sort())),
                    Views.cut(TableOperations.json(item).toString(), PREVIEW_CHARS)));
        }
        Html next = Html.EMPTY;
        if (page.next() != null) {
            var query = new LinkedHashMap<>(exchange.query());
            query.put("after", page.next());
            next = Html.of("<p class=\"pager\"><a href=\"{}\" rel=\"next\">Next page →</a></p>",
                    Html.url(Layout.ROOT + "tables/", table.logicalId(), query));
        }
        return Html.of("""
                <table class="grid items"><thead><tr><th>{}</th><th>{}</th><th>Item</th></tr></thead>
                <tbody>{}</tbody></table>{}{}""", keys.partition(), keys.sort() == null ? "" : keys.sort(),
                Html.join(rows), rows.isEmpty() ? Views.empty("No item.") : Html.EMPTY, next);
    }

    /** One item as JSON; null when there is no such item. */
    Html item(TableSpec table, String keyToken) {
        var item = tables.item(table.name(), keyToken);
        if (item == null) {
            return null;
        }
        return Html.of("<p>{}</p>{}", Views.link(Layout.ROOT + "tables/", table.logicalId(), Map.of(),
                "← " + table.logicalId()), Views.pre(TableOperations.json(item).toString()));
    }

    private static String text(AttributeValue value) {
        if (value == null) {
            return "";
        }
        var json = TableOperations.json(value);
        return json.isTextual() ? json.asText() : json.toString();
    }
}
