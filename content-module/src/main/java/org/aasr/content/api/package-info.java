/**
 * The content module's public interface: the only package that the web app and the other modules
 * may use (an ArchUnit test in the web app keeps it so).
 *
 * <p>It offers read models as immutable records, never entities, so that a page can neither lazily
 * load nor accidentally change what it shows. Everything else in the module, the JPA entities, the
 * queries and the schema migrations, lives in {@code org.aasr.content.internal}.
 */
package org.aasr.content.api;
