/** RFC 822 / MIME parsing: decoded headers, the preferred text body and a sanitized list of attachments. */
package dev.fnbundle.email.mime;
