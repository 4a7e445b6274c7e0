# The seed tutorial's RSS mapping (xmltodict with force_list={"item"}, tags stripped by a regex, the first 200
# characters kept), written once: rss-ingestor's SeedMappingDifferentialTest and the rss benchmarks (RssBenchmark,
# RssSuite) each prepend it to their own driver, so what ours is compared against is the same everywhere.
import base64, re
from email.utils import parsedate_to_datetime
from urllib.parse import quote
import xmltodict


def seed_articles(feed_path):
    feed = xmltodict.parse(open(feed_path, "rb"), force_list={"item"})
    channel = feed["rss"]["channel"]
    articles = []
    for item in channel.get("item") or []:
        title = item.get("title", "Untitled")
        link = item.get("link", "")
        description = item.get("description", "")
        pub_date_raw = item.get("pubDate", "")
        clean_desc = re.sub(r"<[^>]+>", "", description)[:200]
        articles.append({"title": title, "link": link, "summary": clean_desc.strip(),
                         "published": pub_date_raw})
    return articles


def iso_date(raw):
    return parsedate_to_datetime(raw).strftime("%Y-%m-%dT%H:%M:%SZ")


def b64(s):
    return base64.b64encode(s.encode("utf-8")).decode("ascii") if s else "-"


def write_samples(articles, path):
    """Every 1000th article as a tab-separated line (index, base64 title, link, summary, ISO date), as the Java
    side of the benchmarks writes its own."""
    with open(path, "w") as out:
        for i, a in enumerate(articles):
            if (i + 1) % 1000 == 0:
                # ours emits URIs: an IRI's non-ASCII characters come out percent-encoded
                link = quote(a["link"], safe=":/?#[]@!$&'()*+,;=%-._~")
                out.write("\t".join([str(i), b64(a["title"]), b64(link), b64(a["summary"]),
                                     iso_date(a["published"])]))
                out.write("\n")
