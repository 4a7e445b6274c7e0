/**
 * Code that runs inside function JVMs, never in the runtime's own JVM: the portable Lambda runtime client
 * ({@link dev.fnbundle.local.functionside.PortableRuntimeClient}, the main class) and its
 * {@link dev.fnbundle.local.functionside.RuntimeApiClient}, for systems where the Runtime Interface Client's native
 * HTTP client does not exist (macOS, Windows). Packaged alone, with aws-lambda-java-core and -serialization only;
 * the runtime's side of the same protocol is {@code dev.fnbundle.local.function.RuntimeApiServer}.
 */
package dev.fnbundle.local.functionside;
