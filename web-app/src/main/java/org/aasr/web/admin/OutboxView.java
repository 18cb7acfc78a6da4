package org.aasr.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.aasr.web.mail.MailSettings;
import org.aasr.web.mail.MailStatus;
import org.aasr.web.mail.Outbox;
import org.aasr.web.mail.OutboxEntry;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.model.LazyDataModel;

/**
 * The mail outbox, at {@code /admin/outbox} (administrators only): every message the site has
 * queued, newest first, with where it stands, so that none vanishes silently; a failed one can be
 * retried once its cause is put right. With no SMTP server set, it says that messages wait here.
 */
@Named
@ViewScoped
public class OutboxView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Outbox outbox;

  private LazyDataModel<OutboxEntry> messages;

  @PostConstruct
  void init() {
    messages =
        new LazyList<>(
            filters -> outbox.count(),
            (filters, sort, first, max) -> outbox.find(first, max),
            OutboxEntry::id);
  }

  public LazyDataModel<OutboxEntry> getMessages() {
    return messages;
  }

  /** Whether messages can be sent at all. */
  public boolean isSmtpSet() {
    return outbox.settings().smtpSet();
  }

  /** The SMTP server messages go through, such as {@code smtp.example.org:587}. */
  public String getSmtpServer() {
    MailSettings settings = outbox.settings();
    return settings.host().orElse("") + ":" + settings.port();
  }

  /** Where a message stands, in words (the table never relies on colour). */
  public String status(OutboxEntry message) {
    return switch (message.status()) {
      case PENDING ->
          !isSmtpSet()
              ? "Not sent: no SMTP server is set"
              : message.attempts() == 0 ? "Waiting to be sent" : "Not sent yet: will retry";
      case SENDING -> "Sending";
      case SENT -> "Sent";
      case FAILED -> "Failed: not sent";
    };
  }

  /** Whether "retry now" makes sense: failed, or waiting for a retry, with a server to send to. */
  public boolean canRetry(OutboxEntry message) {
    return isSmtpSet()
        && (message.status() == MailStatus.FAILED
            || (message.status() == MailStatus.PENDING && message.attempts() > 0));
  }

  public void retryNow(long id) {
    try {
      outbox.retryNow(id);
      Messages.addFlashGlobalInfo("Message {0} will be sent within seconds.", id);
      Faces.redirect("admin/outbox");
    } catch (IllegalArgumentException e) {
      Messages.addGlobalError(e.getMessage());
    }
  }
}
