package org.aasr.volunteers.api;

import java.util.List;

/**
 * A country the organisation works in, with its states, provinces and territories.
 *
 * @param code ISO 3166-1 alpha-2, e.g. {@code US}
 * @param name its name, e.g. {@code United States}
 * @param regions its states or provinces, by name
 */
public record Country(String code, String name, List<Region> regions) {

  public Country {
    regions = List.copyOf(regions);
  }
}
