package org.aasr.volunteers.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A coordinator's change that cannot be made as it is, with a message for each field at fault so
 * that the console shows it next to that field. Nothing was stored.
 *
 * <p>A message that belongs to no field (e.g. someone else saved the same opportunity meanwhile)
 * has the field {@link #WHOLE_FORM}.
 */
public class CoordinationRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The field name of a message about the change as a whole. */
  public static final String WHOLE_FORM = "";

  private final Map<String, String> errors;

  /**
   * @param errors the message for each field, by the form record's component name (e.g. {@code
   *     capacity}), in the order of the form
   */
  public CoordinationRejectedException(Map<String, String> errors) {
    super(String.join(" ", errors.values()));
    this.errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
  }

  /** One field's message. */
  public CoordinationRejectedException(String field, String message) {
    this(Map.of(field, message));
  }

  /** The message for each field at fault, by field name, in the order of the form. */
  public Map<String, String> errors() {
    return errors;
  }
}
