package org.aasr.content.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The allow-list that story text passes through on save, against an XSS corpus. */
class HtmlPolicyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "<p>hi<script src=//evil.example/x.js></script></p>",
        "<img src=x onerror=alert(1)>",
        "<p onclick=\"alert(1)\">click</p>",
        "<a href=\"javascript:alert(1)\">link</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">link</a>",
        "<a href=\"&#106;avascript:alert(1)\">link</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<svg onload=alert(1)><circle r=1></svg>",
        "<svg><script>alert(1)</script></svg>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<form action=\"javascript:alert(1)\"><button>go</button></form>",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<p style=\"background:url(javascript:alert(1))\">x</p>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<details open ontoggle=alert(1)>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">"
      })
  void nothingExecutableSurvives(String attack) {
    String clean = HtmlPolicy.clean(attack).toLowerCase(Locale.ROOT);

    for (String forbidden :
        new String[] {
          "<script",
          "onerror",
          "onload",
          "onclick",
          "ontoggle",
          "javascript:",
          "<iframe",
          "<svg",
          "<object",
          "<embed",
          "<style",
          "<form",
          "<meta",
          "<base",
          "data:text"
        }) {
      assertFalse(clean.contains(forbidden), attack + " became " + clean);
    }
  }

  @Test
  void keepsTheFormattingEditorsUse() {
    String html =
        "<h2>Heading</h2><p>Some <strong>bold</strong> and <em>italic</em> text.</p>"
            + "<ul><li>one</li></ul><blockquote>quoted</blockquote>";

    assertEquals(html, HtmlPolicy.clean(html));
  }

  @Test
  void keepsSafeLinksAndMarksThemNoopener() {
    Element link =
        Jsoup.parse(HtmlPolicy.clean("<a href=\"https://example.org\">site</a>")).selectFirst("a");

    assertEquals("https://example.org", link.attr("href"));
    assertEquals(Set.of("nofollow", "noopener", "noreferrer"), Set.of(link.attr("rel").split(" ")));
  }
}
