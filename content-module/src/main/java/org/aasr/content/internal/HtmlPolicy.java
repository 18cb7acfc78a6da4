package org.aasr.content.internal;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * The allow-list for story and page text (OWASP Java HTML Sanitizer): paragraphs, headings,
 * emphasis, lists, quotes and links to http, https and mailto addresses. Everything else, scripts,
 * event handlers, styles, frames, SVG and {@code javascript:} URLs included, is removed. Links get
 * {@code rel="nofollow noopener noreferrer"}.
 */
final class HtmlPolicy {

  private static final PolicyFactory POLICY =
      Sanitizers.FORMATTING
          .and(Sanitizers.BLOCKS)
          .and(
              new HtmlPolicyBuilder()
                  .allowElements("br", "hr", "ol", "ul", "li", "a")
                  .allowAttributes("href", "title")
                  .onElements("a")
                  .allowUrlProtocols("http", "https", "mailto")
                  .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
                  .toFactory());

  private HtmlPolicy() {}

  static String clean(String html) {
    return html == null ? "" : POLICY.sanitize(html).trim();
  }
}
