package dev.fnbundle.email.mime;

/**
 * An attachment as listed on an invoice record: its content is never kept.
 *
 * @param fileName    the sanitized file name (see {@link FileNameSanitizer}); never null or empty
 * @param contentType the lower-case base MIME type, e.g. {@code application/pdf}; never null
 * @param size        the decoded size in bytes
 */
public record AttachmentInfo(String fileName, String contentType, long size) {
}
