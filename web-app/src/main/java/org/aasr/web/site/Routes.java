package org.aasr.web.site;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Maps the site's clean URLs to the Facelets views that render them.
 *
 * <ul>
 *   <li>{@code /} → {@code /index.xhtml}
 *   <li>{@code /stories/{slug}} → {@code /story.xhtml?slug={slug}}
 *   <li>{@code /fundraisers/{slug}} → {@code /fundraiser.xhtml?slug={slug}}
 *   <li>{@code /volunteer/{slug}} → {@code /volunteer-opportunity.xhtml?slug={slug}}
 *   <li>{@code /volunteer/me/{token}} → {@code /volunteer-me.xhtml?token={token}}: a volunteer's
 *       private page (a token is URL-safe Base64: letters of both cases, digits, {@code -} and
 *       {@code _})
 *   <li>{@code /donate/monthly/{token}} → {@code /monthly-gift.xhtml?token={token}}: a monthly
 *       donor's private page, from the link in their receipt (a token as above)
 *   <li>{@code /{name}} → {@code /{name}.xhtml} where that view exists (stories, donate…)
 *   <li>{@code /{slug}} → {@code /page.xhtml?slug={slug}} otherwise: a content page such as the
 *       mission, so that staff-made pages get short URLs without a code change
 *   <li>{@code /admin} → {@code /admin/index.xhtml}, and {@code /admin/{a}/{b}} → {@code
 *       /admin/{a}/{b}.xhtml} where that view exists (the console)
 * </ul>
 *
 * <p>Anything else (files, JSF resources, paths with dots or capitals) is left alone. Slugs are
 * lower-case words joined by single hyphens; a path that is not such a slug is simply not routed
 * and ends in the friendly 404. Written by hand rather than with OmniFaces FacesViews because its
 * MultiViews sends every unknown path to the index view, where this site wants a 404.
 */
public final class Routes {

  /** A URL name: lower-case letters and digits, in words joined by single hyphens. */
  public static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  private static final int MAX_SLUG_LENGTH = 200;
  private static final String STORIES_PREFIX = "/stories/";
  private static final String FUNDRAISERS_PREFIX = "/fundraisers/";
  private static final String ADMIN = "/admin";
  private static final String VOLUNTEER_PREFIX = "/volunteer/";
  private static final String VOLUNTEER_ME_PREFIX = "/volunteer/me/";
  private static final String MONTHLY_GIFT_PREFIX = "/donate/monthly/";
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,100}");

  private Routes() {}

  /** A request's path inside the application, starting with {@code /}. */
  public static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  /** Whether a path (inside the application) is the admin console's: {@code /admin} or below. */
  public static boolean isConsole(String path) {
    return path.equals(ADMIN) || path.startsWith(ADMIN + "/");
  }

  /** Whether a text is a valid slug of a sane length. */
  public static boolean isSlug(String text) {
    return text != null && text.length() <= MAX_SLUG_LENGTH && SLUG.matcher(text).matches();
  }

  /**
   * The view path (with its query) that renders a request path, if the site routes it.
   *
   * @param path the request path inside the application, starting with {@code /}
   * @param viewExists tells whether a Facelets file such as {@code /donate.xhtml} exists
   */
  public static Optional<String> resolve(String path, Predicate<String> viewExists) {
    if (path == null || path.isEmpty() || path.equals("/")) {
      return Optional.of("/index.xhtml");
    }
    if (path.equals(ADMIN) || path.equals(ADMIN + "/")) {
      return Optional.of(ADMIN + "/index.xhtml");
    }
    if (path.startsWith(ADMIN + "/")) {
      return adminView(path, viewExists);
    }
    if (path.startsWith(STORIES_PREFIX)) {
      String slug = path.substring(STORIES_PREFIX.length());
      return isSlug(slug) ? Optional.of("/story.xhtml?slug=" + slug) : Optional.empty();
    }
    if (path.startsWith(FUNDRAISERS_PREFIX)) {
      String slug = path.substring(FUNDRAISERS_PREFIX.length());
      return isSlug(slug) ? Optional.of("/fundraiser.xhtml?slug=" + slug) : Optional.empty();
    }
    if (path.startsWith(VOLUNTEER_ME_PREFIX)) {
      String token = path.substring(VOLUNTEER_ME_PREFIX.length());
      return TOKEN.matcher(token).matches()
          ? Optional.of("/volunteer-me.xhtml?token=" + token)
          : Optional.empty();
    }
    if (path.startsWith(MONTHLY_GIFT_PREFIX)) {
      String token = path.substring(MONTHLY_GIFT_PREFIX.length());
      return TOKEN.matcher(token).matches()
          ? Optional.of("/monthly-gift.xhtml?token=" + token)
          : Optional.empty();
    }
    if (path.startsWith(VOLUNTEER_PREFIX)) {
      String slug = path.substring(VOLUNTEER_PREFIX.length());
      return isSlug(slug)
          ? Optional.of("/volunteer-opportunity.xhtml?slug=" + slug)
          : Optional.empty();
    }
    String name = path.substring(1);
    if (!isSlug(name)) {
      return Optional.empty();
    }
    String view = "/" + name + ".xhtml";
    if (viewExists.test(view)) {
      return name.equals("index")
              || name.equals("story")
              || name.equals("page")
              || name.equals("fundraiser")
          ? Optional.empty()
          : Optional.of(view);
    }
    return Optional.of("/page.xhtml?slug=" + name);
  }

  private static Optional<String> adminView(String path, Predicate<String> viewExists) {
    String[] names = path.substring(ADMIN.length() + 1).split("/", -1);
    for (String name : names) {
      if (!isSlug(name) || name.equals("index")) {
        return Optional.empty();
      }
    }
    String view = path + ".xhtml";
    return viewExists.test(view) ? Optional.of(view) : Optional.empty();
  }
}
