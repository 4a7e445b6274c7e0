/** The mailbox registry: registration rules, status after each poll, and poll tasks (plain Java over ports). */
package dev.fnbundle.email.registry;
