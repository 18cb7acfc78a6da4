/**
 * The donation module's public interface: what the web app may use.
 *
 * <p>{@link org.aasr.donations.api.DonationService} serves the public pages (the fundraiser, the
 * donation form, the thank-you page); {@link org.aasr.donations.api.DonationAdmin} serves staff and
 * asks the {@link org.aasr.donations.api.DonationStaff} port, which the web app implements, before
 * anything. Money is always {@link org.aasr.donations.api.Money}: whole minor units and an ISO
 * currency, never a floating-point number. Pages bind to the records here, never to entities.
 */
package org.aasr.donations.api;
