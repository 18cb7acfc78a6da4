package org.aasr.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AdminSecurityTest {

  @ParameterizedTest
  @ValueSource(strings = {"/admin/stories", "/admin/story?id=12", "/admin/audit?who=a%40b.org"})
  void signingInContinuesToTheConsolePageAskedFor(String asked) {
    assertEquals(asked, AdminSecurity.continueTarget(asked));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "https://evil.example/admin/",
        "//evil.example/admin/",
        "/admin//evil.example",
        "/\\evil.example",
        "/admin/../donate",
        "/admin/%2e%2e/donate",
        "/admin/login",
        "/admin/login?continue=/admin/users",
        "/stories",
        "/admin/story\r\nSet-Cookie: x=y",
        "javascript:alert(1)"
      })
  void anythingElseLeadsToTheDashboard(String asked) {
    assertEquals("/admin/", AdminSecurity.continueTarget(asked));
  }
}
