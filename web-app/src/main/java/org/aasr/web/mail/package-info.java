/**
 * The mail outbox: how the site sends email (donation receipts, volunteer confirmations and
 * reminders, replies to story submissions) without losing a message or sending one for a change
 * that did not happen.
 *
 * <p>A feature module cannot depend on the web app, so the contract is the standard Jakarta Mail
 * type and a plain CDI event: inside its transaction, a module builds a {@link
 * jakarta.mail.internet.MimeMessage} (see {@link org.aasr.web.mail.MailMessages} for the pattern)
 * and fires it with {@code @Inject Event<MimeMessage> mail; mail.fire(message);}. {@link
 * org.aasr.web.mail.Outbox} observes it synchronously and stores it in that same transaction, and
 * {@link org.aasr.web.mail.MailWorker} sends it later over SMTP, retrying with backoff.
 *
 * <p>This package is the domain side: it knows nothing of Faces, servlets or the console's pages
 * (the console's view is {@code org.aasr.web.admin.OutboxView}). Logs name message ids and counts
 * only, never an address or a word of content.
 */
package org.aasr.web.mail;
