package org.aasr.web.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalPathFilterTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/stories",
        "/stories/my-aasr-story-chantelle-hyde",
        "/admin",
        "/admin/",
        "/admin/users",
        "/admin/users.xhtml",
        "/admin/users/",
        "/Admin/Users",
        "/jakarta.faces.resource/site.css.xhtml",
        "/media/stories/3f2a-9b.png",
        "/favicon.ico",
        "/feed.xml"
      })
  void theSitesOwnAddressesAreCanonical(String path) {
    assertTrue(CanonicalPathFilter.isCanonical(path), path);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "admin/users",
        "//admin/users",
        "/admin//users",
        "/admin/users//",
        "/admin/./users",
        "/admin/x/../users",
        "/admin/password/../users",
        "/x/../admin/users",
        "/admin/.",
        "/admin/..",
        "/.",
        "/admin/%2e/users",
        "/admin/%2E%2E/users",
        "/%61dmin/users",
        "/admin%2Fusers",
        "/admin%2fusers",
        "/admin/users%2F",
        "/admin/users;jsessionid=abc",
        "/admin;x=1/users",
        "/admin/users.xhtml;",
        "/admin\\users",
        "/admin/users\u0000",
        "/admin/us\u00e9rs",
        "/admin/users\t",
        "/admin/us ers"
      })
  void anyOtherFormOfAPathIsNot(String path) {
    assertFalse(CanonicalPathFilter.isCanonical(path), path);
  }
}
