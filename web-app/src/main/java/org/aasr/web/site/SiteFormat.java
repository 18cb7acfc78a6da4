package org.aasr.web.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.aasr.web.config.SiteSettings;

/** Formats for the pages: dates as readers read them and as machines do. */
@Named
@ApplicationScoped
public class SiteFormat {

  private static final DateTimeFormatter READABLE =
      DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

  private static final DateTimeFormatter READABLE_TIME =
      DateTimeFormatter.ofPattern("MMMM d, yyyy, HH:mm", Locale.US);

  @Inject SiteSettings settings;

  /** For example "November 28, 2026", in the site's time zone. */
  public String date(Instant instant) {
    return instant == null ? "" : READABLE.format(instant.atZone(settings.zone()));
  }

  /** For example "November 28, 2026, 14:05", in the site's time zone. */
  public String dateTime(Instant instant) {
    return instant == null ? "" : READABLE_TIME.format(instant.atZone(settings.zone()));
  }

  /** The same date for a {@code <time datetime>} attribute, for example "2026-11-28". */
  public String isoDate(Instant instant) {
    return instant == null
        ? ""
        : DateTimeFormatter.ISO_LOCAL_DATE.format(instant.atZone(settings.zone()));
  }
}
