package org.aasr.volunteers.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A sign-up (or a change of details) that is not acceptable, with every problem at once, by field,
 * so that a form can show each message next to its field. Nothing was stored.
 */
public class SignUpRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Map<String, String> errors;

  /**
   * @param errors the message for each field, by the {@link SignUp} component's name (e.g. {@code
   *     email}, {@code region}), in the order of the form
   */
  public SignUpRejectedException(Map<String, String> errors) {
    super(String.join(" ", errors.values()));
    this.errors = Map.copyOf(new LinkedHashMap<>(errors));
  }

  /** The message for each field that is not acceptable, by field name. */
  public Map<String, String> errors() {
    return errors;
  }
}
