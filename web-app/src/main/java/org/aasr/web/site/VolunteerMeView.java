package org.aasr.web.site;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aasr.volunteers.api.BookingOutcome;
import org.aasr.volunteers.api.Country;
import org.aasr.volunteers.api.Interest;
import org.aasr.volunteers.api.LinkStatus;
import org.aasr.volunteers.api.LivedExperience;
import org.aasr.volunteers.api.MyShift;
import org.aasr.volunteers.api.OpportunityDetail;
import org.aasr.volunteers.api.Places;
import org.aasr.volunteers.api.PrivateLinkClosedException;
import org.aasr.volunteers.api.ShiftInfo;
import org.aasr.volunteers.api.SignUp;
import org.aasr.volunteers.api.SignUpRejectedException;
import org.aasr.volunteers.api.VolunteerPrivateLink;
import org.aasr.volunteers.api.VolunteerSelf;
import org.aasr.volunteers.api.VolunteerService;
import org.omnifaces.util.Faces;

/**
 * A volunteer's private page, {@code /volunteer/me/{token}}: their shifts, the shifts they can
 * book, their details, their data, and the end of the link.
 *
 * <p>Like the sign-up form, every form is a plain HTML form posted to the page's own address and
 * handled here (no Faces state, no session, works without JavaScript), with the same check against
 * posts from other sites; the token in the address is itself a secret that another site cannot
 * know. Each successful post redirects (303) back to the page saying what happened; a refused
 * change of details comes back with each message next to its field and the input kept.
 *
 * <p>The page is never stored by any cache ({@code no-store}: the site's page cache skips such
 * answers) and sends its address only to this site ({@code Referrer-Policy: same-origin}), so the
 * token never reaches another server. A revoked link answers 410, an unknown one (made up, or its
 * volunteer erased) 404, each with a page that says what to do, and changes nothing.
 */
@Named
@RequestScoped
public class VolunteerMeView {

  @Inject VolunteerPrivateLink links;
  @Inject VolunteerService volunteers;

  private String token;
  private LinkStatus status = LinkStatus.UNKNOWN;
  private VolunteerSelf self;
  private String done;
  private boolean confirmingErasure;
  private Map<String, String> errors = Map.of();
  private List<OpenShifts> openShifts;

  private String fullName;
  private String phone;
  private String place;
  private Set<Interest> interests = EnumSet.noneOf(Interest.class);
  private String skills;
  private String availability;
  private Set<LivedExperience> experience = EnumSet.noneOf(LivedExperience.class);
  private String howHeard;

  /** Shows the page, or handles one of its forms. */
  public void load() {
    HttpServletRequest request = Faces.getRequest();
    HttpServletResponse response = Faces.getResponse();
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("X-Robots-Tag", "noindex");
    token = request.getParameter("token");
    status = links.status(token);
    if (status != LinkStatus.OPEN) {
      closed(status);
      return;
    }
    try {
      if ("POST".equals(request.getMethod())) {
        if (!VolunteerSignUpView.sameOrigin(request)) {
          errors =
              Map.of("form", "This form can only be sent from this site. Please try again here.");
          response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        } else if (handle(request, response)) {
          return;
        }
      } else {
        done = request.getParameter("done");
        confirmingErasure = "erase".equals(request.getParameter("confirm"));
      }
      self = links.open(token);
      if (errors.isEmpty() || errors.containsKey("form")) {
        show(self.details());
      }
    } catch (PrivateLinkClosedException e) {
      closed(e.status());
    }
  }

  /** Handles a post; true when the answer is complete (a redirect or a download). */
  private boolean handle(HttpServletRequest request, HttpServletResponse response) {
    String action = String.valueOf(request.getParameter("action"));
    switch (action) {
      case "book" -> {
        BookingOutcome outcome =
            shiftId(request) < 0
                ? BookingOutcome.NOT_BOOKABLE
                : links.book(token, shiftId(request));
        return seeOther("?done=" + outcome.name().toLowerCase().replace('_', '-'));
      }
      case "cancel" -> {
        boolean had = shiftId(request) >= 0 && links.cancel(token, shiftId(request));
        return seeOther(had ? "?done=cancelled" : "?done=not-booked");
      }
      case "update" -> {
        read(request);
        try {
          links.update(token, details());
          return seeOther("?done=updated");
        } catch (SignUpRejectedException e) {
          errors = new LinkedHashMap<>(e.errors());
          response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
          return false;
        }
      }
      case "export" -> {
        download(response, links.exportJson(token));
        return true;
      }
      case "erase" -> {
        if (!"yes".equals(request.getParameter("confirm"))) {
          confirmingErasure = true;
          return false;
        }
        links.erase(token);
        return VolunteerSignUpView.seeOtherPath("/volunteer-link?done=erased");
      }
      case "revoke" -> {
        links.revoke(token);
        return VolunteerSignUpView.seeOtherPath("/volunteer-link?done=revoked");
      }
      default -> {
        return seeOther("");
      }
    }
  }

  private void closed(LinkStatus why) {
    status = why;
    self = null;
    Faces.getResponse()
        .setStatus(
            why == LinkStatus.REVOKED
                ? HttpServletResponse.SC_GONE
                : HttpServletResponse.SC_NOT_FOUND);
  }

  private boolean seeOther(String query) {
    return VolunteerSignUpView.seeOtherPath("/volunteer/me/" + token + query);
  }

  private static long shiftId(HttpServletRequest request) {
    String value = request.getParameter("shift");
    if (value == null || !value.matches("[0-9]{1,18}")) {
      return -1;
    }
    return Long.parseLong(value);
  }

  private static void download(HttpServletResponse response, String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("application/json;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"aasr-volunteer-data.json\"");
    response.setContentLength(bytes.length);
    try {
      response.getOutputStream().write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Faces.responseComplete();
  }

  private void read(HttpServletRequest request) {
    fullName = request.getParameter("fullName");
    phone = request.getParameter("phone");
    place = request.getParameter("place");
    interests = enums(request.getParameterValues("interests"), Interest.class);
    skills = request.getParameter("skills");
    availability = request.getParameter("availability");
    experience = enums(request.getParameterValues("experience"), LivedExperience.class);
    howHeard = request.getParameter("howHeard");
  }

  private SignUp details() {
    String[] countryAndRegion = place == null ? new String[0] : place.split("-", 2);
    return new SignUp(
        fullName,
        null,
        phone,
        countryAndRegion.length == 2 ? countryAndRegion[0] : null,
        countryAndRegion.length == 2 ? countryAndRegion[1] : null,
        interests,
        skills,
        availability,
        experience,
        howHeard,
        true);
  }

  private void show(SignUp details) {
    fullName = details.fullName();
    phone = details.phone();
    place = details.country() + "-" + details.region();
    interests =
        details.interests().isEmpty()
            ? EnumSet.noneOf(Interest.class)
            : EnumSet.copyOf(details.interests());
    skills = details.skills();
    availability = details.availability();
    experience =
        details.experience().isEmpty()
            ? EnumSet.noneOf(LivedExperience.class)
            : EnumSet.copyOf(details.experience());
    howHeard = details.howHeard();
  }

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

  /** A shift of an open opportunity and what this volunteer can do with it. */
  public record Offer(ShiftInfo shift, MyShift mine) {}

  /** An open opportunity that has coming shifts, with those shifts. */
  public record OpenShifts(OpportunityDetail opportunity, List<Offer> offers) {}

  /** The open opportunities' coming shifts, each marked when the volunteer has it already. */
  public List<OpenShifts> getOpenShifts() {
    if (openShifts != null) {
      return openShifts;
    }
    List<OpenShifts> open = new ArrayList<>();
    for (var summary : volunteers.openOpportunities()) {
      volunteers
          .openOpportunity(summary.slug())
          .filter(o -> !o.shifts().isEmpty())
          .ifPresent(
              o ->
                  open.add(
                      new OpenShifts(
                          o,
                          o.shifts().stream()
                              .map(
                                  s ->
                                      new Offer(
                                          s,
                                          self.shifts().stream()
                                              .filter(m -> m.shift().id() == s.id())
                                              .findFirst()
                                              .orElse(null)))
                              .toList())));
    }
    openShifts = open;
    return open;
  }

  /** The message for a field, or null when it is fine. */
  public String error(String field) {
    return errors.get(field);
  }

  /** The link from the error summary to the field. */
  public String anchor(String field) {
    return switch (field) {
      case "region" -> "#place";
      case "interests" -> "#interest-" + Interest.values()[0].name();
      case "form" -> "#your-shifts";
      default -> "#" + field;
    };
  }

  public List<Map.Entry<String, String>> getErrorList() {
    return List.copyOf(errors.entrySet());
  }

  public boolean isRejected() {
    return !errors.isEmpty();
  }

  /** OPEN, REVOKED or UNKNOWN. */
  public String getStatus() {
    return status.name();
  }

  public VolunteerSelf getSelf() {
    return self;
  }

  /** The page's own address, to post its forms to. */
  public String getAction() {
    return Faces.getRequestContextPath() + "/volunteer/me/" + token;
  }

  public String getDone() {
    return done;
  }

  public boolean isConfirmingErasure() {
    return confirmingErasure;
  }

  /** The volunteer's state or province, as people read it. */
  public String getPlaceName() {
    SignUp d = self.details();
    return Places.describe(d.country(), d.region());
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

  public String selectedPlace(String value) {
    return value.equals(place) ? "selected" : null;
  }

  public String checkedInterest(Interest interest) {
    return interests.contains(interest) ? "checked" : null;
  }

  public String checkedExperience(LivedExperience value) {
    return experience.contains(value) ? "checked" : null;
  }

  public String getFullName() {
    return fullName;
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
