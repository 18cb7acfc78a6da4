package org.aasr.content.api;

import java.time.Instant;

/**
 * A content page such as the mission or the explainer on restraint and seclusion.
 *
 * @param slug its URL name: the page is served at {@code /{slug}}
 * @param title its heading
 * @param summary a plain-text summary, shown on the home page and as the page's description
 * @param bodyHtml the page's text as HTML that was sanitised when it was saved
 * @param updatedAt when it last changed
 */
public record PageContent(
    String slug, String title, String summary, String bodyHtml, Instant updatedAt) {}
