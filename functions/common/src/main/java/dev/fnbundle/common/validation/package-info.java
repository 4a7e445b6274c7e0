/** Field-level validation of JSON request bodies. */
package dev.fnbundle.common.validation;
