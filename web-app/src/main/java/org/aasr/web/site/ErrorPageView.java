package org.aasr.web.site;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.ViewExpiredException;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import org.omnifaces.util.Faces;
import org.primefaces.csp.CspException;

/**
 * Backs the error pages. A visitor sees what happened in plain words and where to go next, never a
 * stack trace; the exception itself goes to the server log (Payara logs it).
 *
 * <p>A form posted from a page that no longer exists on the server (an old tab, a forged request)
 * is the visitor's stale request, not our failure: it answers 400 and asks them to reload.
 */
@Named
@RequestScoped
public class ErrorPageView {

  /**
   * The request attribute by which the filters that refuse a stale or forged form post tell this
   * page to say so (and answer 400) instead of reporting a failure of ours.
   */
  public static final String STALE_POST = ErrorPageView.class.getName() + ".stalePost";

  private int status;
  private boolean expired;

  @PostConstruct
  void init() {
    Object code = Faces.getRequestAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    status = code instanceof Integer i ? i : 500;
    expired = Boolean.TRUE.equals(Faces.getRequestAttribute(STALE_POST));
    for (Object e = Faces.getRequestAttribute(RequestDispatcher.ERROR_EXCEPTION);
        e instanceof Throwable t;
        e = t.getCause() == t ? null : t.getCause()) {
      // A post whose PrimeFaces nonce does not match its page is as stale (or forged) as an
      // unknown view state: the visitor's request, not our failure.
      if (t instanceof ViewExpiredException || t instanceof CspException) {
        expired = true;
        status = 400;
        Faces.getResponse().setStatus(status);
      }
    }
    // A failure may be passing: no cache may keep it.
    Faces.getResponse().setHeader("Cache-Control", "no-store");
  }

  /**
   * Answers 404 with the not-found page. The status line keeps its standard reason phrase: a
   * message given here would be printed there by Payara.
   */
  public static void sendNotFound() {
    Faces.responseSendError(404, null);
  }

  public int getStatus() {
    return status;
  }

  /** Whether the visitor posted a page that had expired. */
  public boolean isExpired() {
    return expired;
  }

  /** A heading for the status, in plain words. */
  public String getHeading() {
    if (expired) {
      return "This page had expired";
    }
    return switch (status) {
      case 400 -> "That request could not be understood";
      case 403 -> "You do not have access to this page";
      case 404 -> "We could not find that page";
      case 405 -> "That is not something this page can do";
      case 413 -> "That upload is too large";
      default ->
          status >= 400 && status < 500
              ? "That request could not be understood"
              : "Something went wrong on our side";
    };
  }
}
