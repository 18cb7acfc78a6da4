/**
 * The volunteer module's public interface: what the web app and other modules may use.
 *
 * <p>Visitors read open opportunities and sign up through {@link
 * org.aasr.volunteers.api.VolunteerService}; a confirmed volunteer manages their shifts and data
 * through their private link ({@link org.aasr.volunteers.api.VolunteerPrivateLink}); volunteer
 * coordinators manage opportunities, shifts and the volunteers' pipeline through {@link
 * org.aasr.volunteers.api.VolunteerCoordination}, and export or erase a volunteer's data through
 * {@link org.aasr.volunteers.api.VolunteerPrivacy}. The module does not know the console's roles:
 * it asks the {@link org.aasr.volunteers.api.VolunteerStaff} port that the web app provides. Every
 * change, a visitor's included, fires a {@link org.aasr.volunteers.api.VolunteerChanged} event
 * inside its transaction for the audit log. Pages bind to the records here, never to the module's
 * entities.
 */
package org.aasr.volunteers.api;
