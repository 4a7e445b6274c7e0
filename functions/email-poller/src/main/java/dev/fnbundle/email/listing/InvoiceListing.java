package dev.fnbundle.email.listing;

/** Lists records (a DynamoDB index by kind, mailbox and date in AWS). */
public interface InvoiceListing {

    /**
     * One page of the records a query selects, oldest first.
     *
     * @param query never null
     * @return never null
     * @throws dev.fnbundle.common.validation.InvalidFieldsException (a 400) when the token is not one this query
     *                                                               issued
     */
    InvoicePage page(InvoiceQuery query);
}
