package org.aasr.web.site;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.aasr.volunteers.api.Country;
import org.aasr.volunteers.api.Interest;
import org.aasr.volunteers.api.LivedExperience;
import org.aasr.volunteers.api.Places;
import org.aasr.volunteers.api.SignUp;
import org.aasr.volunteers.api.SignUpRejectedException;
import org.aasr.volunteers.api.SignUpResult;
import org.aasr.volunteers.api.VolunteerService;
import org.aasr.web.audit.ConsoleAction;
import org.aasr.web.audit.RepeatedRefusals;
import org.aasr.web.client.ClientAddress;
import org.aasr.web.client.PublicFormLimit;
import org.aasr.web.config.SiteSettings;
import org.omnifaces.util.Faces;

/**
 * The volunteer sign-up form, {@code /volunteer-sign-up}.
 *
 * <p>A plain HTML form, posted to the page's own address and handled by this bean's view action (a
 * POST without Faces view state is not a postback, so the action runs): the form works without
 * JavaScript, keeps no state on the server and creates no session, and its field names are stable
 * ({@code email}, not {@code j_idt12:email}). The server checks everything (the module's
 * SignUpCheck); a refused form comes back with each message next to its field and the input kept. A
 * successful one redirects (Post-Redirect-Get) to the same page saying what happened.
 *
 * <p>Against cross-site posts, a POST whose {@code Origin} (or, lacking it, {@code Referer}) names
 * another site is refused; a browser always sends one of them with a form post.
 */
@Named
@RequestScoped
public class VolunteerSignUpView {

  @Inject VolunteerService volunteers;
  @Inject SiteSettings settings;
  @Inject PublicFormLimit limit;
  @Inject RepeatedRefusals refusals;

  private String fullName;
  private String email;
  private String phone;
  private String place;
  private Set<Interest> interests = EnumSet.noneOf(Interest.class);
  private String skills;
  private String availability;
  private Set<LivedExperience> experience = EnumSet.noneOf(LivedExperience.class);
  private String howHeard;
  private boolean consent;
  private String done;
  private Map<String, String> errors = Map.of();

  /** Shows the form, or handles its post. */
  public void load() {
    HttpServletRequest request = Faces.getRequest();
    HttpServletResponse response = Faces.getResponse();
    // What a person typed, or what happened to them, is not for shared caches.
    response.setHeader("Cache-Control", "no-store");
    if (!"POST".equals(request.getMethod())) {
      done = request.getParameter("done");
      return;
    }
    if (!sameOrigin(request)) {
      errors = Map.of("form", "This form can only be sent from this site. Please try again here.");
      return;
    }
    read(request);
    String[] countryAndRegion = place == null ? new String[0] : place.split("-", 2);
    SignUp form =
        new SignUp(
            fullName,
            email,
            phone,
            countryAndRegion.length == 2 ? countryAndRegion[0] : null,
            countryAndRegion.length == 2 ? countryAndRegion[1] : null,
            interests,
            skills,
            availability,
            experience,
            howHeard,
            consent);
    Optional<PublicFormLimit.Slot> slot = limited(request, "/volunteer-sign-up", limit, refusals);
    if (slot.isEmpty()) {
      errors = Map.of("form", TOO_OFTEN);
      tooOften(response);
      return;
    }
    boolean signedUp = false;
    try {
      signUp(form, settings.linkBaseUrl(request));
      signedUp = true;
      // The same thanks whether the address was new or not: the page must not tell anyone which
      // addresses are signed up. The address's owner is told by email.
      seeOther("/volunteer-sign-up?done=new");
    } catch (SignUpRejectedException e) {
      errors = new LinkedHashMap<>(e.errors());
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    } finally {
      if (!signedUp) {
        slot.get().giveBack(); // nothing was stored or sent: the post does not count
      }
    }
  }

  /** HTTP's status for a client that sent too many requests. */
  static final int TOO_MANY_REQUESTS = 429;

  /** What a visitor reads when their network has sent a public form too often. */
  static final String TOO_OFTEN =
      "This form has been sent from your network many times in the last hour. Please try again in"
          + " an hour; what you typed is still here.";

  /** Answers 429, saying when to try again. */
  static void tooOften(HttpServletResponse response) {
    response.setStatus(TOO_MANY_REQUESTS);
    response.setHeader("Retry-After", String.valueOf(PublicFormLimit.WINDOW.toSeconds()));
  }

  /**
   * A slot of the hourly limit on a public form for the request's network, or nothing (recorded in
   * the audit log, repeats counted) when that network has used them all.
   */
  static Optional<PublicFormLimit.Slot> limited(
      HttpServletRequest request, String path, PublicFormLimit limit, RepeatedRefusals refusals) {
    String address = ClientAddress.of(request);
    Optional<PublicFormLimit.Slot> slot = limit.take(path, address);
    if (slot.isEmpty()) {
      refusals.record(
          address,
          ConsoleAction.FORM_LIMITED,
          path,
          "public form refused: sent "
              + limit.perHour()
              + " times within the hour from this network");
    }
    return slot;
  }

  /**
   * Signs up, trying once more when the first attempt fails for another reason than a refused
   * field: two sign-ups with one new address at the same moment both try to add a volunteer, the
   * database's unique key lets one win, and the other, tried again, finds it signed up.
   */
  private SignUpResult signUp(SignUp form, String siteAddress) {
    try {
      return volunteers.signUp(form, siteAddress);
    } catch (SignUpRejectedException e) {
      throw e;
    } catch (RuntimeException lostRace) {
      return volunteers.signUp(form, siteAddress);
    }
  }

  private void read(HttpServletRequest request) {
    fullName = request.getParameter("fullName");
    email = request.getParameter("email");
    phone = request.getParameter("phone");
    place = request.getParameter("place");
    interests = enums(request.getParameterValues("interests"), Interest.class);
    skills = request.getParameter("skills");
    availability = request.getParameter("availability");
    experience = enums(request.getParameterValues("experience"), LivedExperience.class);
    howHeard = request.getParameter("howHeard");
    consent = "yes".equals(request.getParameter("consent"));
  }

  /** The known names among those posted; anything else (a forged value) is ignored. */
  private static <E extends Enum<E>> Set<E> enums(String[] names, Class<E> type) {
    Set<E> set = EnumSet.noneOf(type);
    if (names != null) {
      for (E value : type.getEnumConstants()) {
        if (Arrays.asList(names).contains(value.name())) {
          set.add(value);
        }
      }
    }
    return set;
  }

  /**
   * Post-Redirect-Get with a 303 to a path of the site. Not Faces' redirect, which keeps the flash
   * scope in a cookie: a visitor's form must leave no cookie and no session behind.
   */
  static void seeOther(String path) {
    HttpServletResponse response = Faces.getResponse();
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", Faces.getRequestContextPath() + path);
    Faces.responseComplete();
  }

  /** {@link #seeOther}, for a view action that then stops: always true. */
  static boolean seeOtherPath(String path) {
    seeOther(path);
    return true;
  }

  static boolean sameOrigin(HttpServletRequest request) {
    String origin = request.getHeader("Origin");
    if (origin == null || origin.isBlank() || origin.equals("null")) {
      origin = request.getHeader("Referer");
    }
    if (origin == null || origin.isBlank()) {
      return true; // Not a browser, or one told to send neither: nothing to compare.
    }
    try {
      URI uri = URI.create(origin.trim());
      String host = request.getServerName();
      return host != null && host.equalsIgnoreCase(uri.getHost());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The message for a field, or null when it is fine. */
  public String error(String field) {
    return errors.get(field);
  }

  /** The link from the error summary to the field, e.g. {@code #email}. */
  public String anchor(String field) {
    return switch (field) {
      case "region" -> "#place";
      case "interests" -> "#interest-" + Interest.values()[0].name();
      case "form" -> "#sign-up";
      default -> "#" + field;
    };
  }

  /** The fields with a problem, in the form's order, for the summary at the top. */
  public List<Map.Entry<String, String>> getErrorList() {
    return List.copyOf(errors.entrySet());
  }

  public boolean isRejected() {
    return !errors.isEmpty();
  }

  public List<Country> getCountries() {
    return Places.countries();
  }

  public List<Interest> getInterestOptions() {
    return List.of(Interest.values());
  }

  public List<LivedExperience> getExperienceOptions() {
    return List.of(LivedExperience.values());
  }

  /** "selected" for the place chosen, null otherwise (Facelets then leaves the attribute out). */
  public String selectedPlace(String value) {
    return value.equals(place) ? "selected" : null;
  }

  public String checkedInterest(Interest interest) {
    return interests.contains(interest) ? "checked" : null;
  }

  public String checkedExperience(LivedExperience value) {
    return experience.contains(value) ? "checked" : null;
  }

  public String getConsentChecked() {
    return consent ? "checked" : null;
  }

  public String getDone() {
    return done;
  }

  public String getFullName() {
    return fullName;
  }

  public String getEmail() {
    return email;
  }

  public String getPhone() {
    return phone;
  }

  public String getSkills() {
    return skills;
  }

  public String getAvailability() {
    return availability;
  }

  public String getHowHeard() {
    return howHeard;
  }
}
