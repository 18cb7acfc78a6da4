package org.aasr.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.faces.model.SelectItemGroup;
import org.junit.jupiter.api.Test;

/** The one place list of the coordinator's forms: a country or one of its states, both ways. */
class VolunteerChoicesTest {

  @Test
  void aPlaceValueIsACountryOrACountryAndAState() {
    assertEquals("US", VolunteerChoices.country("US-OH"));
    assertEquals("OH", VolunteerChoices.region("US-OH"));
    assertEquals("CA", VolunteerChoices.country("CA"));
    assertNull(VolunteerChoices.region("CA"));
    assertNull(VolunteerChoices.country(""));
    assertNull(VolunteerChoices.region(null));
    assertEquals("US-OH", VolunteerChoices.place("US", "OH"));
    assertEquals("CA", VolunteerChoices.place("CA", null));
    assertEquals("", VolunteerChoices.place(null, null));
  }

  @Test
  void thePlacesAreGroupedByCountryAfterTheChoiceOfNone() {
    var items = new VolunteerChoices().places("Anywhere");

    assertEquals("", items.get(0).getValue());
    assertEquals("Anywhere", items.get(0).getLabel());
    SelectItemGroup us = (SelectItemGroup) items.get(1);
    assertEquals("United States", us.getLabel());
    assertEquals("US", us.getSelectItems()[0].getValue());
    assertEquals("Canada", items.get(2).getLabel());
  }
}
