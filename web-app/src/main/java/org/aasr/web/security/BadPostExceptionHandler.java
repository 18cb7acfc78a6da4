package org.aasr.web.security;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import org.aasr.web.site.ErrorPageView;
import org.primefaces.csp.CspException;

/**
 * Turns a post that Faces cannot take (its view state unknown, expired or forged, or its PrimeFaces
 * nonce not its page's) into a 400 with the "page had expired" page, inside Faces: an exception
 * that left the Faces servlet would be logged with its stack trace by the container, for what is
 * only a stale tab or a forgery. Registered in faces-config.xml; {@link BadRequestFilter} keeps the
 * same rule for anything that still escapes.
 */
public class BadPostExceptionHandler extends ExceptionHandlerWrapper {

  public BadPostExceptionHandler(ExceptionHandler wrapped) {
    super(wrapped);
  }

  @Override
  public void handle() throws FacesException {
    FacesContext context = FacesContext.getCurrentInstance();
    for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        events.hasNext(); ) {
      Throwable thrown = events.next().getContext().getException();
      if (isBadPost(thrown) && context != null) {
        events.remove();
        ExternalContext external = context.getExternalContext();
        if (!external.isResponseCommitted()) {
          external.getRequestMap().put(ErrorPageView.STALE_POST, Boolean.TRUE);
          try {
            external.responseSendError(400, null);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        context.responseComplete();
      }
    }
    super.handle();
  }

  static boolean isBadPost(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ViewExpiredException || t instanceof CspException) {
        return true;
      }
    }
    return false;
  }

  /** Registers the handler around Faces' own. */
  public static class Factory extends ExceptionHandlerFactory {

    public Factory(ExceptionHandlerFactory wrapped) {
      super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
      return new BadPostExceptionHandler(getWrapped().getExceptionHandler());
    }
  }
}
