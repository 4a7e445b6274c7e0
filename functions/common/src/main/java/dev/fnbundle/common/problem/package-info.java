/** RFC 9457 problem details: the error vocabulary of every HTTP endpoint. */
package dev.fnbundle.common.problem;
