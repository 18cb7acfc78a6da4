package org.aasr.web.admin;

import java.util.Map;
import org.aasr.volunteers.api.CoordinationRejectedException;
import org.omnifaces.util.Messages;

/**
 * Puts a refused change's messages next to the fields of a form: each message of a {@link
 * CoordinationRejectedException} goes to the component its field maps to, and one about the whole
 * change to the page's messages.
 */
final class CoordinationMessages {

  private CoordinationMessages() {}

  /**
   * @param form the form's id, e.g. {@code opportunity-form}
   * @param components the component id of each of the service's field names that differs from it
   */
  static void show(
      CoordinationRejectedException refused, String form, Map<String, String> components) {
    refused
        .errors()
        .forEach(
            (field, message) -> {
              if (field.equals(CoordinationRejectedException.WHOLE_FORM)) {
                Messages.addGlobalError(message);
              } else {
                Messages.addError(form + ":" + components.getOrDefault(field, field), message);
              }
            });
  }
}
