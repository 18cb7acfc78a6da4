/**
 * The donation module's public interface: what the web app and other modules may use.
 *
 * <p>Empty for now. The donations issue brings the live anniversary fundraiser, Stripe Checkout and
 * offline pledges here; until then the site's Donate links lead to a page that says online giving
 * is on its way. Other modules will learn of confirmed donations through CDI events published from
 * this package, never by reading this module's tables.
 */
package org.aasr.donations.api;
