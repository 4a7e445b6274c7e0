/** Hashing and message authentication shared by every function: SHA-256 digests and HMAC-signed tokens. */
package dev.fnbundle.common.crypto;
