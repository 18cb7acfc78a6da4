/**
 * The public giving pages: a fundraiser ({@code /fundraisers/{slug}}), the donation form ({@code
 * /donate}) and the thank-you page ({@code /thank-you}). They bind to the donation module's api
 * records and never create an HTTP session; the form is plain HTML that works without JavaScript.
 */
package org.aasr.web.giving;
