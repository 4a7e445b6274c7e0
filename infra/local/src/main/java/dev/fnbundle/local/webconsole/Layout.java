package dev.fnbundle.local.webconsole;

import java.util.List;
import java.util.Map;

/** The frame of every console page: head (stylesheet, script, the page's action token), navigation, main. */
final class Layout {
    /** The pages in the navigation: path below the console root, and name. */
    static final List<String[]> PAGES = List.of(
            new String[] {"", "Overview"},
            new String[] {"invocations", "Invocations"},
            new String[] {"logs", "Logs"},
            new String[] {"queues", "Queues"},
            new String[] {"tables", "Tables"},
            new String[] {"schedules", "Schedules"},
            new String[] {"api", "API"},
            new String[] {"mail", "Mail"});
    static final String ROOT = "/_local/console/";
    private static final Html CURRENT = new Html(" class=\"current\" aria-current=\"page\"");

    private final String token;

    /** @param token the per-start token that the page's script sends with every action */
    Layout(String token) {
        this.token = token;
    }

    /** A whole page; {@code section} is the navigation entry to highlight (a path of {@link #PAGES}). */
    Html page(String section, String title, Html body) {
        return page(section, title, body, Html.EMPTY);
    }

    /** A whole page with extra elements in its head (more stylesheets or scripts, all from this origin). */
    Html page(String section, String title, Html body, Html head) {
        Html nav = Html.each(PAGES, page -> Html.of("<a href=\"{}\"{}>{}</a>", Html.url(ROOT + page[0], Map.of()),
                page[0].equals(section) ? CURRENT : Html.EMPTY, page[1]));
        return Html.of("""
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="console-token" content="{}">
                <title>{} · fnbundle local console</title>
                <link rel="icon" href="data:,">
                <link rel="stylesheet" href="/_local/console/static/console.css">
                {}<script src="/_local/console/static/console.js" defer></script>
                </head>
                <body>
                <header class="top"><a class="brand" href="/_local/console/">fnbundle <span>local console</span></a>
                <nav>{}</nav></header>
                <main>
                <div id="flash" role="status" hidden></div>
                <h1>{}</h1>
                {}
                </main>
                </body>
                </html>
                """, token, title, head, nav, title, body);
    }
}
