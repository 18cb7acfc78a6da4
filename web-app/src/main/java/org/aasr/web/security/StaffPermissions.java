package org.aasr.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.aasr.content.api.ContentEditors;
import org.aasr.donations.api.DonationStaff;
import org.aasr.volunteers.api.VolunteerStaff;
import org.aasr.web.accounts.Role;

/**
 * Answers the feature modules' questions about the signed-in staff member from the console's one
 * table of who may do what ({@link ConsoleArea}), so that no module spells a role.
 */
@ApplicationScoped
public class StaffPermissions implements ContentEditors, DonationStaff, VolunteerStaff {

  @Inject SecurityContext security;

  @Override
  public Optional<String> currentEditor() {
    return callerIn(ConsoleArea.STORIES);
  }

  @Override
  public Optional<String> currentFundraiser() {
    return callerIn(ConsoleArea.DONATIONS);
  }

  @Override
  public Optional<String> currentCoordinator() {
    return callerIn(ConsoleArea.VOLUNTEERS);
  }

  /** The signed-in caller's name when their roles reach an area. */
  private Optional<String> callerIn(ConsoleArea area) {
    Principal caller = security.getCallerPrincipal();
    if (caller == null || !area.allows(heldRoles())) {
      return Optional.empty();
    }
    return Optional.of(caller.getName());
  }

  private Set<Role> heldRoles() {
    Set<Role> held = EnumSet.noneOf(Role.class);
    for (Role role : Role.values()) {
      if (security.isCallerInRole(role.name())) {
        held.add(role);
      }
    }
    return held;
  }
}
