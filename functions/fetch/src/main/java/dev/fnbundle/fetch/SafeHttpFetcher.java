package dev.fnbundle.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.util.Timeout;

/**
 * GETs untrusted URLs safely: every hop (redirects are followed here, never by the client) passes
 * {@link SsrfGuard}, and the socket connects only to addresses the guard checked; connect, read and total timeouts
 * (the request is aborted at the deadline); a body cap enforced while streaming, after decompression too; gzip and
 * deflate decoded here so the cap sees decompressed bytes; conditional GET with ETag / Last-Modified; no cookies,
 * no proxies, no automatic retries. Failures are {@link TransientFetchException} or
 * {@link PermanentFetchException} so callers retry only what can succeed later.
 *
 * <p>Thread-safe; build one per process (it owns a connection pool and a watchdog thread) and close it at the end.
 */
public final class SafeHttpFetcher implements AutoCloseable {
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
            + "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

    private final SsrfGuard guard;
    private final FetchSettings settings;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService watchdog;

    /** @throws NullPointerException if an argument is null */
    public SafeHttpFetcher(SsrfGuard guard, FetchSettings settings) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = buildClient(guard, settings);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fetch-deadline");
            thread.setDaemon(true);
            return thread;
        });
    }

    private static CloseableHttpClient buildClient(SsrfGuard guard, FetchSettings settings) {
        Timeout connect = Timeout.of(settings.connectTimeout());
        Timeout read = Timeout.of(settings.readTimeout());
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new GuardedDnsResolver(guard))
                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                        .http1Config(Http1Config.custom().setMaxLineLength(8192).setMaxHeaderCount(100).build())
                        .build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connect).setSocketTimeout(read).build())
                .setMaxConnTotal(32)
                .setMaxConnPerRoute(2)
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(connect).setResponseTimeout(read).setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableContentCompression()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent(settings.userAgent())
                .build();
    }

    /**
     * Fetches a URL and hands the body to {@code reader} while the connection is open.
     *
     * @return {@link FetchOutcome.Fetched} with what the reader returned, or {@link FetchOutcome.NotModified}
     * @throws SsrfRefusedException       when the URL or a redirect target may not be fetched
     * @throws ResponseTooLargeException  when the body passes {@link FetchSettings#maxBodyBytes()}
     * @throws TransientFetchException    for timeouts, connection failures, 408/425/429/5xx
     * @throws PermanentFetchException    for other failures
     * @throws RuntimeException           whatever {@code reader} throws, unchanged (e.g. a parse failure)
     */
    public <T> FetchOutcome<T> fetch(FetchRequest request, BodyReader<T> reader) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(reader, "reader");
        long deadline = System.nanoTime() + settings.totalTimeout().toNanos();
        URI current = request.url();
        for (int redirects = 0; ; redirects++) {
            guard.check(current);
            HttpGet get = newGet(current, request);
            ScheduledFuture<?> abort = watchdog.schedule(get::cancel, remaining(deadline), TimeUnit.NANOSECONDS);
            try (ClassicHttpResponse response = client.executeOpen(null, get, null)) {
                int status = response.getCode();
                if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                    current = nextHop(current, response, redirects);
                    continue;
                }
                return complete(current, request, response, reader, deadline);
            } catch (IOException e) {
                throw FetchFailures.forIo(current, e, System.nanoTime() - deadline > 0);
            } finally {
                abort.cancel(false);
            }
        }
    }

    /** Fetches a body into memory (at most {@link FetchSettings#maxBodyBytes()}). */
    public FetchOutcome<byte[]> fetchBytes(FetchRequest request) {
        return fetch(request, (response, body) -> body.readAllBytes());
    }

    private HttpGet newGet(URI url, FetchRequest request) {
        HttpGet get = new HttpGet(url);
        get.setHeader("Accept", ACCEPT);
        get.setHeader("Accept-Encoding", "gzip, deflate");
        if (request.etag() != null) {
            get.setHeader("If-None-Match", request.etag());
        }
        if (request.lastModified() != null) {
            get.setHeader("If-Modified-Since", request.lastModified());
        }
        return get;
    }

    private URI nextHop(URI current, ClassicHttpResponse response, int redirects) {
        if (redirects >= settings.maxRedirects()) {
            throw new PermanentFetchException(PermanentFetchException.Reason.BAD_REDIRECT, current,
                    response.getCode(), "more than " + settings.maxRedirects() + " redirects", null);
        }
        String location = headerValue(response, "Location");
        if (location == null || location.isBlank()) {
            throw new PermanentFetchException(PermanentFetchException.Reason.BAD_REDIRECT, current,
                    response.getCode(), "redirect without a Location", null);
        }
        try {
            URI target = new URI(location.strip());
            if (!target.isAbsolute() && (current.getRawPath() == null || current.getRawPath().isEmpty())) {
                current = current.resolve("/");
            }
            return current.resolve(target);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new PermanentFetchException(PermanentFetchException.Reason.BAD_REDIRECT, current,
                    response.getCode(), "redirect to a malformed Location", e);
        }
    }

    private <T> FetchOutcome<T> complete(URI url, FetchRequest request, ClassicHttpResponse response,
                                         BodyReader<T> reader, long deadline) throws IOException {
        int status = response.getCode();
        String etag = headerValue(response, "ETag");
        String lastModified = headerValue(response, "Last-Modified");
        if (status == 304) {
            return new FetchOutcome.NotModified<>(url, etag != null ? etag : request.etag(),
                    lastModified != null ? lastModified : request.lastModified());
        }
        if (status < 200 || status > 299) {
            throw FetchFailures.forStatus(url, status, headerValue(response, "Retry-After"));
        }
        HttpEntity entity = response.getEntity();
        if (entity != null && entity.getContentLength() > settings.maxBodyBytes()) {
            throw new ResponseTooLargeException(url, settings.maxBodyBytes());
        }
        ContentType type = parseContentType(entity == null ? null : entity.getContentType());
        FetchResponse meta = new FetchResponse(url, status,
                type == null ? null : type.getMimeType().toLowerCase(Locale.ROOT), charsetOf(type), etag,
                lastModified);
        InputStream raw = entity == null ? InputStream.nullInputStream() : entity.getContent();
        InputStream body = ContentDecoding.decode(raw, headerValue(response, "Content-Encoding"), url,
                settings.maxBodyBytes(), deadline);
        return new FetchOutcome.Fetched<>(meta, reader.read(meta, body));
    }

    private static ContentType parseContentType(String value) {
        return value == null || value.isBlank() ? null : ContentType.parseLenient(value);
    }

    private static Charset charsetOf(ContentType type) {
        try {
            return type == null ? null : type.getCharset();
        } catch (IllegalArgumentException e) {
            // an unknown or malformed charset name: let the parser decide from the document
            return null;
        }
    }

    private static String headerValue(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    private static long remaining(long deadline) {
        return Math.max(1, deadline - System.nanoTime());
    }

    /** Closes the connection pool and the watchdog. */
    @Override
    public void close() {
        watchdog.shutdownNow();
        try {
            client.close();
        } catch (IOException ignored) {
            // closing idle pooled connections; nothing left to report to
        }
    }
}
