package org.aasr.volunteers.api;

/**
 * A state, province or territory.
 *
 * @param code its postal abbreviation, e.g. {@code NY} or {@code ON}
 * @param name its name, e.g. {@code New York}
 */
public record Region(String code, String name) {}
