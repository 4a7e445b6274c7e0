/**
 * The SAM template read and resolved for one local deployment: CloudFormation YAML, Globals, intrinsic functions,
 * parameters and physical names.
 */
package dev.fnbundle.embedded.template;
