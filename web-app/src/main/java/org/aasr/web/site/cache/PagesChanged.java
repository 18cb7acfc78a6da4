package org.aasr.web.site.cache;

/**
 * Public pages may have changed: every cached copy must go. A CDI event, fired after the change is
 * committed (never inside its transaction, so that no reader can render the old state again after
 * it).
 *
 * <p>Today {@link ContentChangeRelay} fires it on this instance. Where several instances serve the
 * site, the relay is the one place to change: it publishes each change to a cluster topic, and each
 * instance fires this event when the topic delivers it.
 *
 * @param reason what changed, for the log, e.g. {@code STORY_PUBLISHED story my-story}
 */
public record PagesChanged(String reason) {}
