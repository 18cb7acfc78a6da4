/**
 * The volunteer module's implementation: JPA entities on its own persistence unit {@code
 * volunteers}, its Flyway migrations ({@code db/volunteers}) and the services of the api. Nothing
 * here is visible to other modules (ArchUnit's ModuleBoundariesTest keeps it so).
 */
package org.aasr.volunteers.internal;
