/**
 * The volunteer module's public interface: what the web app and other modules may use.
 *
 * <p>Empty for now. The volunteer issue brings opportunities, shifts and the coordinator's pipeline
 * here; other modules will reach them only through types in this package.
 */
package org.aasr.volunteers.api;
