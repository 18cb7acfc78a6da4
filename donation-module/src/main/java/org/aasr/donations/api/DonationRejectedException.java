package org.aasr.donations.api;

import java.util.Map;

/**
 * A donation that was not recorded, with a message for each field at fault (keys are the {@code
 * FIELD_} names of {@link DonationForm}; {@code form} for the form as a whole). Nothing was stored.
 */
public class DonationRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Map<String, String> errors;

  public DonationRejectedException(Map<String, String> errors) {
    super(String.join(" ", errors.values()));
    this.errors = Map.copyOf(errors);
  }

  /** One message per field at fault. */
  public Map<String, String> errors() {
    return errors;
  }
}
