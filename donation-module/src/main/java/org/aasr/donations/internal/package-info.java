/**
 * The donation module's implementation: JPA entities and queries over its own tables (persistence
 * unit {@code donations}, schema {@code db/donations}), the payment gateways and the receipts.
 * Nothing here is used from outside the module; the web app sees only the api package.
 */
package org.aasr.donations.internal;
