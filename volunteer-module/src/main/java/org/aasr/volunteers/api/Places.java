package org.aasr.volunteers.api;

import java.util.List;
import java.util.Optional;

/**
 * Where volunteers live and opportunities take place: the United States and Canada, with their
 * states, provinces and territories. The one list the sign-up form, the console's filters and the
 * server-side checks all read, so that a state can never be valid in one place and not in another.
 *
 * <p>A place is written as {@code country-region}, e.g. {@code US-NY} or {@code CA-ON} (ISO
 * 3166-2), where one value must say both, as in the sign-up form's single list.
 */
public final class Places {

  private static final List<Country> COUNTRIES =
      List.of(
          new Country(
              "US",
              "United States",
              List.of(
                  new Region("AL", "Alabama"),
                  new Region("AK", "Alaska"),
                  new Region("AZ", "Arizona"),
                  new Region("AR", "Arkansas"),
                  new Region("CA", "California"),
                  new Region("CO", "Colorado"),
                  new Region("CT", "Connecticut"),
                  new Region("DE", "Delaware"),
                  new Region("DC", "District of Columbia"),
                  new Region("FL", "Florida"),
                  new Region("GA", "Georgia"),
                  new Region("HI", "Hawaii"),
                  new Region("ID", "Idaho"),
                  new Region("IL", "Illinois"),
                  new Region("IN", "Indiana"),
                  new Region("IA", "Iowa"),
                  new Region("KS", "Kansas"),
                  new Region("KY", "Kentucky"),
                  new Region("LA", "Louisiana"),
                  new Region("ME", "Maine"),
                  new Region("MD", "Maryland"),
                  new Region("MA", "Massachusetts"),
                  new Region("MI", "Michigan"),
                  new Region("MN", "Minnesota"),
                  new Region("MS", "Mississippi"),
                  new Region("MO", "Missouri"),
                  new Region("MT", "Montana"),
                  new Region("NE", "Nebraska"),
                  new Region("NV", "Nevada"),
                  new Region("NH", "New Hampshire"),
                  new Region("NJ", "New Jersey"),
                  new Region("NM", "New Mexico"),
                  new Region("NY", "New York"),
                  new Region("NC", "North Carolina"),
                  new Region("ND", "North Dakota"),
                  new Region("OH", "Ohio"),
                  new Region("OK", "Oklahoma"),
                  new Region("OR", "Oregon"),
                  new Region("PA", "Pennsylvania"),
                  new Region("RI", "Rhode Island"),
                  new Region("SC", "South Carolina"),
                  new Region("SD", "South Dakota"),
                  new Region("TN", "Tennessee"),
                  new Region("TX", "Texas"),
                  new Region("UT", "Utah"),
                  new Region("VT", "Vermont"),
                  new Region("VA", "Virginia"),
                  new Region("WA", "Washington"),
                  new Region("WV", "West Virginia"),
                  new Region("WI", "Wisconsin"),
                  new Region("WY", "Wyoming"),
                  new Region("AS", "American Samoa"),
                  new Region("GU", "Guam"),
                  new Region("MP", "Northern Mariana Islands"),
                  new Region("PR", "Puerto Rico"),
                  new Region("VI", "U.S. Virgin Islands"))),
          new Country(
              "CA",
              "Canada",
              List.of(
                  new Region("AB", "Alberta"),
                  new Region("BC", "British Columbia"),
                  new Region("MB", "Manitoba"),
                  new Region("NB", "New Brunswick"),
                  new Region("NL", "Newfoundland and Labrador"),
                  new Region("NT", "Northwest Territories"),
                  new Region("NS", "Nova Scotia"),
                  new Region("NU", "Nunavut"),
                  new Region("ON", "Ontario"),
                  new Region("PE", "Prince Edward Island"),
                  new Region("QC", "Quebec"),
                  new Region("SK", "Saskatchewan"),
                  new Region("YT", "Yukon"))));

  private Places() {}

  /** The countries, each with its states or provinces. */
  public static List<Country> countries() {
    return COUNTRIES;
  }

  /** A country by its code, e.g. {@code US}. */
  public static Optional<Country> country(String code) {
    return COUNTRIES.stream().filter(c -> c.code().equals(code)).findFirst();
  }

  /** A state or province of a country, by their codes; empty when it is not in that country. */
  public static Optional<Region> region(String countryCode, String regionCode) {
    return country(countryCode)
        .flatMap(c -> c.regions().stream().filter(r -> r.code().equals(regionCode)).findFirst());
  }

  /**
   * Whether a state or province is in a country: {@code NY} is in {@code US}, not in {@code CA}.
   */
  public static boolean isRegionOf(String countryCode, String regionCode) {
    return region(countryCode, regionCode).isPresent();
  }

  /** The place as people read it, e.g. {@code New York, United States}, or empty when unknown. */
  public static String describe(String countryCode, String regionCode) {
    Optional<Country> country = country(countryCode);
    if (country.isEmpty()) {
      return "";
    }
    return region(countryCode, regionCode)
        .map(r -> r.name() + ", " + country.get().name())
        .orElse(country.get().name());
  }
}
