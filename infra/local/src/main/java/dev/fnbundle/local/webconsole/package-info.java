/**
 * The browser console at {@code /_local/console/}: server-rendered pages over the running stack (what the
 * {@link dev.fnbundle.local.observe.Recorder} saw, the queues, tables, schedules, routes and the demo mailbox),
 * live lists over server-sent events, and a few same-origin actions. All markup is made through
 * {@link dev.fnbundle.local.webconsole.Html}, which escapes every value.
 */
package dev.fnbundle.local.webconsole;
