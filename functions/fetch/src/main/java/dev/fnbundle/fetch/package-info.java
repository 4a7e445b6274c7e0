/** Fetching untrusted URLs safely: SSRF refusal on every hop, capped and timed responses, conditional GET. */
package dev.fnbundle.fetch;
