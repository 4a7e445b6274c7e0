/** Invoice extraction from message text: the seed's amount rule, labelled totals, currencies, numbers, due dates. */
package dev.fnbundle.email.invoice;
