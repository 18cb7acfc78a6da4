package org.aasr.web.site.cache;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One rendered answer as the cache keeps it: the plain and the gzip body, each with its own strong
 * entity tag (they are different representations), and the headers its renderer set.
 *
 * @param contentType the {@code Content-Type}, with its charset
 * @param headers other headers the renderer set, replayed on every answer from the cache
 * @param plain the body as rendered
 * @param gzip the same body gzip-compressed
 * @param etag the plain body's entity tag, quoted
 * @param gzipEtag the compressed body's entity tag, quoted
 * @param storedAt when it was rendered, for the optional time-to-live
 * @param expiresAt when it must be rendered again whatever happens, or null: until a change
 * @param keyOffsets where a per-visitor key goes in the plain body ({@link VisitorKeys}); such a
 *     page has no gzip body and no entity tags, since each answer is different
 */
public record CachedPage(
    String contentType,
    Map<String, List<String>> headers,
    byte[] plain,
    byte[] gzip,
    String etag,
    String gzipEtag,
    Instant storedAt,
    Instant expiresAt,
    int[] keyOffsets) {

  /** Whether every answer needs fresh keys written into it. */
  boolean hasVisitorKeys() {
    return keyOffsets.length > 0;
  }

  /** Roughly what the entry costs in memory, for the cache's bound. */
  long weight() {
    return plain.length + (gzip == null ? 0 : gzip.length) + 512L;
  }
}
