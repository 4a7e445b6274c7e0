/**
 * A pure-Java Lambda runtime client for function JVMs on systems where the Runtime Interface Client's native HTTP
 * client does not exist (macOS, Windows). Packaged alone, with aws-lambda-java-core and -serialization only.
 */
package dev.fnbundle.local.bootstrap;
