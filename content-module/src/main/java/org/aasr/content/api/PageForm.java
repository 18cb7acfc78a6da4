package org.aasr.content.api;

/**
 * A content page as the admin console edits it.
 *
 * @param isNew true when the page does not exist yet
 * @param version the version the editor opened (0 when new)
 * @param slug its URL name (the page is at {@code /{slug}}); fixed once the page exists
 * @param title its heading
 * @param summary a plain-text summary for the home page and link previews
 * @param bodyHtml its text as HTML; cleaned when saved
 * @param published false hides it from visitors
 */
public record PageForm(
    boolean isNew,
    int version,
    String slug,
    String title,
    String summary,
    String bodyHtml,
    boolean published) {}
