/** Package install plans: PEP 440 versions and specifiers, a PubGrub version solver and its explanations. */
package dev.fnbundle.orders.packages;
