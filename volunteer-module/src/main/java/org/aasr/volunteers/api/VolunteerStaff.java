package org.aasr.volunteers.api;

import java.util.Optional;

/**
 * Who may manage volunteers: a port the application that assembles the module provides. The module
 * does not know the staff roles (the console owns them, in one place); it only asks whether the
 * caller may coordinate volunteers, and who they are, for the audit log.
 *
 * <p>Every console method of this module asks this first and refuses with a {@link
 * SecurityException} when the answer is empty, whatever page called it.
 */
public interface VolunteerStaff {

  /**
   * The signed-in staff member who may coordinate volunteers now, by the name the audit log
   * records, or empty when nobody is signed in or the one signed in may not.
   */
  Optional<String> currentCoordinator();
}
