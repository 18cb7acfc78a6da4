package org.aasr.web.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.aasr.web.accounts.Role;

/**
 * The console's areas: which pages belong to each, which roles reach them, and the menu. This table
 * is the one place that says who may use which console page; the {@link ConsoleAccessFilter}
 * enforces it on every request and the menu is drawn from it. Administrators reach every area. The
 * services behind the pages check again (for content, through {@link StaffPermissions}).
 *
 * <p>A console page that no area lists is refused to everyone but administrators, so a page added
 * without a row here fails closed.
 */
public enum ConsoleArea {
  /** The dashboard, one's own password and the session keep-alive: every staff member. */
  DASHBOARD(null, null, EnumSet.allOf(Role.class), "", "index", "password", "session"),
  STORIES("Stories", "/admin/stories", EnumSet.of(Role.EDITOR), "stories", "story", "preview"),
  PAGES("Pages", "/admin/pages", EnumSet.of(Role.EDITOR), "pages", "page"),
  CATEGORIES("Categories", "/admin/categories", EnumSet.of(Role.EDITOR), "categories", "category"),
  ACCOUNTS("Staff accounts", "/admin/users", EnumSet.noneOf(Role.class), "users"),
  AUDIT("Audit log", "/admin/audit", EnumSet.noneOf(Role.class), "audit"),
  OUTBOX("Outbox", "/admin/outbox", EnumSet.noneOf(Role.class), "outbox"),
  /**
   * Donations and donors: the lazy table, one donation, an offline gift, the CSV export (a servlet
   * under the console, so the same filter guards it). Donor data: FUNDRAISING and ADMIN.
   */
  DONATIONS(
      "Donations",
      "/admin/donations",
      EnumSet.of(Role.FUNDRAISING),
      "donations",
      "donation",
      "gift",
      "donations-export"),
  /** The fundraisers: create, edit, close, feature one; their monthly totals and chart. */
  CAMPAIGNS(
      "Fundraisers", "/admin/campaigns", EnumSet.of(Role.FUNDRAISING), "campaigns", "campaign"),
  /**
   * Volunteering: the volunteers (their list, CSV export included, and each one's page) and the
   * opportunities with their shifts.
   */
  VOLUNTEERS(
      "Volunteers",
      "/admin/volunteers",
      EnumSet.of(Role.VOLUNTEER_COORDINATOR),
      "volunteers",
      "volunteer",
      "opportunities",
      "opportunity");

  private final String menuLabel;
  private final String menuPath;
  private final Set<Role> roles;
  private final List<String> pages;

  ConsoleArea(String menuLabel, String menuPath, Set<Role> roles, String... pages) {
    this.menuLabel = menuLabel;
    this.menuPath = menuPath;
    this.roles = EnumSet.copyOf(roles.isEmpty() ? EnumSet.of(Role.ADMIN) : roles);
    this.roles.add(Role.ADMIN);
    this.pages = List.of(pages);
  }

  /** Whether someone holding these roles may use this area. */
  public boolean allows(Set<Role> held) {
    return held.stream().anyMatch(roles::contains);
  }

  /** The roles that reach this area, administrators included. */
  public Set<Role> roles() {
    return EnumSet.copyOf(roles);
  }

  /** The area's name in the console's menu, or null when the menu does not list it. */
  public String getMenuLabel() {
    return menuLabel;
  }

  /** The page the menu leads to, relative to the context path. */
  public String getMenuPath() {
    return menuPath;
  }

  /** Whether a Faces view id (such as {@code /admin/story.xhtml}) belongs to this area. */
  public boolean hasView(String viewId) {
    return pageOf(viewId == null ? "" : viewId).map(pages::contains).orElse(false);
  }

  /**
   * The area a console path belongs to, or empty for a path outside the console or a console page
   * that no area lists.
   *
   * @param path a normalised request path inside the application, such as {@code /admin/story}
   */
  public static Optional<ConsoleArea> of(String path) {
    return pageOf(path)
        .flatMap(
            page ->
                EnumSet.allOf(ConsoleArea.class).stream()
                    .filter(area -> area.pages.contains(page))
                    .findFirst());
  }

  /** The first name after {@code /admin/} without a {@code .xhtml} ending: {@code story}. */
  private static Optional<String> pageOf(String path) {
    if (!path.equals("/admin") && !path.startsWith("/admin/")) {
      return Optional.empty();
    }
    String rest = path.length() <= 7 ? "" : path.substring(7);
    int slash = rest.indexOf('/');
    String page = slash < 0 ? rest : rest.substring(0, slash);
    if (page.endsWith(".xhtml")) {
      page = page.substring(0, page.length() - ".xhtml".length());
    }
    return Optional.of(page);
  }
}
