package org.aasr.web.giving;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.aasr.donations.api.Money;

/**
 * Shows amounts as the reader's browser asks ({@code Accept-Language}): $1,000.50 for en-US,
 * 1.000,50 $ for de-DE. The currency stays the site's; only the way of writing it changes.
 */
@Named
@RequestScoped
public class MoneyFormat {

  @Inject HttpServletRequest request;

  /** An amount in the reader's format; empty for none. */
  public String of(Money amount) {
    return amount == null ? "" : amount.format(locale());
  }

  /** The reader's locale, from the request; US English when the browser names none. */
  public Locale locale() {
    Locale locale = request.getLocale();
    return locale == null || locale.getLanguage().isEmpty() ? Locale.US : locale;
  }
}
