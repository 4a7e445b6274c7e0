package dev.fnbundle.fetch;

import java.net.URI;
import java.nio.charset.Charset;

/**
 * What is known of a successful response before its body is read.
 *
 * @param finalUrl     the URL after redirects
 * @param status       the 2xx status
 * @param contentType  the Content-Type media type without parameters, lower case, or null
 * @param charset      the Content-Type charset when present and supported, else null (the parser decides)
 * @param etag         the ETag to store for the next conditional GET, or null
 * @param lastModified the Last-Modified to store for the next conditional GET, or null
 */
public record FetchResponse(URI finalUrl, int status, String contentType, Charset charset, String etag,
                            String lastModified) {
}
