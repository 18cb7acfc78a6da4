/**
 * The rendered-page cache of the public site: anonymous readers get pages, the feed and the sitemap
 * from memory, pre-compressed, with validators, while any change shows on the next request.
 *
 * <p>{@link org.aasr.web.site.cache.PageCacheFilter} decides what may be kept and answers from
 * {@link org.aasr.web.site.cache.PageCache}. The cache forgets everything when it hears {@link
 * org.aasr.web.site.cache.PagesChanged} and when the next scheduled story becomes public. {@link
 * org.aasr.web.site.cache.ContentChangeRelay} turns the content module's change events into that
 * event after their transaction commits. That event is the seam for running several instances: a
 * relay that also publishes to a cluster topic, and fires {@code PagesChanged} locally on what it
 * receives, makes a change on one instance clear the caches of all, without touching the cache.
 *
 * <p>Nothing here may depend on the console or on security: the cache only ever sees requests that
 * carry no session and answers that set no cookie.
 */
package org.aasr.web.site.cache;
