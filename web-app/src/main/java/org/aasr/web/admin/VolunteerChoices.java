package org.aasr.web.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.aasr.volunteers.api.Country;
import org.aasr.volunteers.api.Interest;
import org.aasr.volunteers.api.PlaceKind;
import org.aasr.volunteers.api.Places;
import org.aasr.volunteers.api.VolunteerStatus;

/**
 * The lists the coordinator's pages offer: places (one list, a country or one of its states or
 * provinces, grouped by country, so it works without JavaScript), statuses, interests and the time
 * zones of the places where shifts happen.
 *
 * <p>A place is written {@code US} (the whole country) or {@code US-OH} (a state), as on the
 * sign-up form.
 */
@Named
@ApplicationScoped
public class VolunteerChoices {

  /** The zones of the United States and Canada, west to east, as the shift form offers them. */
  static final List<String> ZONES =
      List.of(
          "Pacific/Honolulu",
          "America/Anchorage",
          "America/Los_Angeles",
          "America/Vancouver",
          "America/Phoenix",
          "America/Denver",
          "America/Edmonton",
          "America/Chicago",
          "America/Regina",
          "America/Winnipeg",
          "America/New_York",
          "America/Toronto",
          "America/Halifax",
          "America/Puerto_Rico",
          "America/St_Johns");

  /** Places with a first choice for none, e.g. "Anywhere" or "Any place". */
  public List<SelectItem> places(String noneLabel) {
    List<SelectItem> items = new ArrayList<>();
    items.add(new SelectItem("", noneLabel));
    for (Country country : Places.countries()) {
      SelectItemGroup group = new SelectItemGroup(country.name());
      List<SelectItem> inside = new ArrayList<>();
      inside.add(new SelectItem(country.code(), country.name() + " (all of it)"));
      country
          .regions()
          .forEach(r -> inside.add(new SelectItem(country.code() + "-" + r.code(), r.name())));
      group.setSelectItems(inside);
      items.add(group);
    }
    return items;
  }

  public List<Country> getCountries() {
    return Places.countries();
  }

  public VolunteerStatus[] getStatuses() {
    return VolunteerStatus.values();
  }

  public Interest[] getInterests() {
    return Interest.values();
  }

  public PlaceKind[] getPlaceKinds() {
    return PlaceKind.values();
  }

  public List<String> getZones() {
    return ZONES;
  }

  /** The country of a place value: {@code US} of {@code US-OH}; null for none. */
  static String country(String place) {
    if (place == null || place.isBlank()) {
      return null;
    }
    int dash = place.indexOf('-');
    return dash < 0 ? place : place.substring(0, dash);
  }

  /** The state or province of a place value: {@code OH} of {@code US-OH}; null for none. */
  static String region(String place) {
    if (place == null) {
      return null;
    }
    int dash = place.indexOf('-');
    return dash < 0 ? null : place.substring(dash + 1);
  }

  /** The place value of a country and region. */
  static String place(String country, String region) {
    if (country == null) {
      return "";
    }
    return region == null ? country : country + "-" + region;
  }
}
