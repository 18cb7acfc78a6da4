package org.aasr.web.site.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the page cache may keep and serve, and under which key. */
class CacheRulesTest {

  @Test
  void onlyTheSitesCleanPublicAddressesAreCacheable() {
    for (String path :
        List.of(
            "/",
            "/stories",
            "/stories/my-story",
            "/mission",
            "/feed.xml",
            "/sitemap.xml",
            "/donate",
            "/fundraisers/anniversary",
            "/volunteer",
            "/volunteer/event-support")) {
      assertTrue(CacheRules.isCacheablePath(path), path);
    }
    for (String path :
        List.of(
            "/admin",
            "/admin/stories",
            "/admin/login",
            "/page.xhtml",
            "/media/stories/a.png",
            "/jakarta.faces.resource/site.css.xhtml",
            "/stories/",
            "/stories/a/b",
            "/fundraisers/",
            "/volunteer/me/abc",
            "",
            "mission",
            "/Mission",
            "/mission;jsessionid=1",
            "/mission%2F")) {
      assertFalse(CacheRules.isCacheablePath(path), path);
    }
  }

  @Test
  void onlyGetAndHeadAreAnsweredFromTheCache() {
    assertTrue(CacheRules.isReadMethod("GET"));
    assertTrue(CacheRules.isReadMethod("HEAD"));
    assertFalse(CacheRules.isReadMethod("POST"));
    assertFalse(CacheRules.isReadMethod("OPTIONS"));
  }

  @Test
  void theStoriesIndexKeepsItsOwnParametersInAFixedOrder() {
    assertEquals(
        Optional.of("category=news&page=2"),
        CacheRules.canonicalQuery("/stories", "page=2&category=news"));
    assertEquals(Optional.of(""), CacheRules.canonicalQuery("/stories", null));
  }

  @Test
  void marketingTagsAreIgnoredSinceNoPageReadsThem() {
    assertEquals(
        Optional.of(""), CacheRules.canonicalQuery("/", "utm_source=newsletter&utm_medium=email"));
    assertEquals(Optional.of("page=3"), CacheRules.canonicalQuery("/stories", "fbclid=abc&page=3"));
  }

  @Test
  void anyOtherOrOddParameterGoesPastTheCache() {
    for (String query :
        List.of(
            "x=1",
            "page=1&page=2",
            "page=0",
            "page=02",
            "page=9999999",
            "category=",
            "category=Not%20a%20slug",
            "page")) {
      assertEquals(Optional.empty(), CacheRules.canonicalQuery("/stories", query), query);
    }
    assertEquals(Optional.empty(), CacheRules.canonicalQuery("/mission", "page=2"));
  }

  @Test
  void aSessionOrCredentialsMakeARequestPersonal() {
    assertTrue(CacheRules.isPersonal("abc", List.of(), false));
    assertTrue(CacheRules.isPersonal(null, List.of("AASR_SESSION"), false));
    assertTrue(CacheRules.isPersonal(null, List.of(), true));
    assertFalse(CacheRules.isPersonal(null, List.of("theme"), false));
  }

  @Test
  void onlyA200ThatSetsNoCookieAndMakesNoSessionIsKept() {
    assertTrue(CacheRules.mayStore(200, List.of("Content-Type"), false, null));
    assertTrue(CacheRules.mayStore(200, List.of("Cache-Control"), false, "public, max-age=300"));
    assertFalse(CacheRules.mayStore(200, List.of("Content-Type", "set-cookie"), false, null));
    assertFalse(CacheRules.mayStore(200, List.of(), true, null));
    assertFalse(CacheRules.mayStore(404, List.of(), false, null));
    assertFalse(CacheRules.mayStore(301, List.of(), false, null));
  }

  @Test
  void aPageThatAsksNotToBeStoredIsNeverKept() {
    assertFalse(CacheRules.mayStore(200, List.of("Cache-Control"), false, "no-store"));
    assertFalse(CacheRules.mayStore(200, List.of("Cache-Control"), false, "Private, max-age=0"));
  }

  @Test
  void gzipIsSentOnlyToClientsThatAcceptIt() {
    assertTrue(CacheRules.acceptsGzip(List.of("gzip, deflate, br")));
    assertTrue(CacheRules.acceptsGzip(List.of("br;q=1.0, gzip;q=0.8")));
    assertTrue(CacheRules.acceptsGzip(List.of("*")));
    assertFalse(CacheRules.acceptsGzip(List.of("gzip;q=0")));
    assertFalse(CacheRules.acceptsGzip(List.of("*;q=0.5, gzip;q=0")));
    assertFalse(CacheRules.acceptsGzip(List.of("identity")));
    assertFalse(CacheRules.acceptsGzip(List.of()));
  }

  @Test
  void ifNoneMatchComparesTagsWeaklyAsTheStandardAsks() {
    assertTrue(CacheRules.matches(List.of("\"a\""), "\"a\"", "\"a-gzip\""));
    assertTrue(CacheRules.matches(List.of("\"x\", W/\"a-gzip\""), "\"a\"", "\"a-gzip\""));
    assertTrue(CacheRules.matches(List.of("*"), "\"a\""));
    assertFalse(CacheRules.matches(List.of("\"b\""), "\"a\"", "\"a-gzip\""));
    assertFalse(CacheRules.matches(List.of(), "\"a\""));
  }

  @Test
  void entityTagsAreStrongAndDifferPerRepresentation() {
    byte[] body = "<p>page</p>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String plain = PageCacheFilter.etag(body, "");
    String gzip = PageCacheFilter.etag(body, "-gzip");

    assertTrue(plain.matches("\"[A-Za-z0-9_-]+\""), plain);
    assertFalse(plain.equals(gzip));
    assertEquals(plain, PageCacheFilter.etag(body.clone(), ""));
  }

  @Test
  void pagesWithFundraiserFiguresOrPlacesLeftAreKeptAFewSecondsAtMost() {
    for (String path :
        List.of("/", "/donate", "/fundraisers/anniversary", "/volunteer/event-support")) {
      assertEquals(Optional.of(CacheRules.FIGURES_MAX_AGE), CacheRules.maxAge(path), path);
    }
    assertTrue(CacheRules.FIGURES_MAX_AGE.toSeconds() <= 5);
    for (String path : List.of("/stories", "/stories/a-story", "/mission", "/volunteer")) {
      assertEquals(Optional.empty(), CacheRules.maxAge(path), path);
    }
  }

  @Test
  void theDonationFormKeepsItsCampaignParameterOnly() {
    assertEquals(
        Optional.of("campaign=anniversary"),
        CacheRules.canonicalQuery("/donate", "campaign=anniversary&utm_source=mail"));
    assertEquals(Optional.empty(), CacheRules.canonicalQuery("/donate", "campaign=a&campaign=b"));
    assertEquals(Optional.empty(), CacheRules.canonicalQuery("/donate", "amount=50"));
    assertEquals(Optional.empty(), CacheRules.canonicalQuery("/donate", "campaign=%3Cscript%3E"));
  }
}
