package org.aasr.web.site.cache;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;

/**
 * A fresh key for each showing of a form, such as the donation form's key that makes a double click
 * one gift, that still lets the page be served from the {@link PageCache}.
 *
 * <p>While the cache renders a page to keep, it offers a placeholder of a key's length, random for
 * this process and never sent to anyone. A form that takes it is kept with the placeholder in
 * place, and {@link PageCacheFilter} writes a new random key over it in every answer, which it
 * marks {@code no-store}. Without the cache (switched off, a visitor with a session) the form gets
 * a random key directly.
 *
 * <pre>{@code
 * formKey = VisitorKeys.newKey(request);   // <input type="hidden" name="formKey" value="...">
 * }</pre>
 */
public final class VisitorKeys {

  /** The request attribute that holds the placeholder while the cache records a page. */
  static final String PLACEHOLDER = VisitorKeys.class.getName() + ".placeholder";

  /** The request attribute set once a form took the placeholder. */
  static final String TAKEN = VisitorKeys.class.getName() + ".taken";

  /** A key's length in characters (and bytes: it is ASCII). */
  static final int LENGTH = 36;

  private VisitorKeys() {}

  /** A key for one showing of a form: random, or the placeholder the cache replaces. */
  public static String newKey(HttpServletRequest request) {
    if (request.getAttribute(PLACEHOLDER) instanceof String placeholder) {
      request.setAttribute(TAKEN, Boolean.TRUE);
      return placeholder;
    }
    return random();
  }

  /** A new random key ({@value #LENGTH} characters). */
  static String random() {
    return UUID.randomUUID().toString();
  }
}
