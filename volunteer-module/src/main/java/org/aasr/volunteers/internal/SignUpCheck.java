package org.aasr.volunteers.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.aasr.volunteers.api.Places;
import org.aasr.volunteers.api.SignUp;
import org.aasr.volunteers.api.SignUpRejectedException;

/**
 * The server's checks of a sign-up, whatever the form in front of it did: lengths, required fields,
 * an address that can receive mail, a state or province that is in the chosen country, consent.
 *
 * <p>Text is plain text: markup is not refused (someone may well type "&lt;3") but it is never
 * interpreted, since every page escapes what it shows. Control characters are refused, as nobody
 * types them and they can hide text from a reader.
 */
final class SignUpCheck {

  static final int NAME_MAX = 200;
  static final int EMAIL_MAX = 254;
  static final int PHONE_MAX = 40;
  static final int LONG_TEXT_MAX = 1000;
  static final int HOW_HEARD_MAX = 500;

  /**
   * An address with one @, a local part and a domain with a dot, none of the characters that would
   * need quoting. Deliberately simple: the confirmation email is the real test of an address.
   */
  private static final Pattern EMAIL =
      Pattern.compile(
          "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

  private static final Pattern PHONE = Pattern.compile("[0-9+().\\- ]+");

  private SignUpCheck() {}

  /**
   * The sign-up with its text trimmed and empty optional fields as null.
   *
   * @throws SignUpRejectedException with every problem found, by field
   */
  static SignUp checked(SignUp form) {
    Map<String, String> errors = new LinkedHashMap<>();
    String name = text(form.fullName(), "fullName", "your name", NAME_MAX, true, false, errors);
    String email =
        text(form.email(), "email", "your email address", EMAIL_MAX, true, false, errors);
    if (email != null && !EMAIL.matcher(email).matches()) {
      errors.put("email", "Enter an email address such as name@example.org.");
    }
    String phone =
        text(form.phone(), "phone", "your phone number", PHONE_MAX, false, false, errors);
    if (phone != null
        && (!PHONE.matcher(phone).matches()
            || phone.chars().filter(Character::isDigit).count() < 7)) {
      errors.put("phone", "Enter a phone number with at least 7 digits, such as 555 123 4567.");
    }
    if (form.country() == null
        || form.region() == null
        || !Places.isRegionOf(form.country(), form.region())) {
      errors.put("region", "Choose your state or province from the list.");
    }
    if (form.interests().isEmpty()) {
      errors.put("interests", "Choose at least one thing you would like to help with.");
    }
    String skills =
        text(form.skills(), "skills", "your skills", LONG_TEXT_MAX, false, true, errors);
    String availability =
        text(
            form.availability(),
            "availability",
            "when you are available",
            LONG_TEXT_MAX,
            false,
            true,
            errors);
    String howHeard =
        text(
            form.howHeard(), "howHeard", "how you heard of us", HOW_HEARD_MAX, false, true, errors);
    if (!form.consent()) {
      errors.put("consent", "Tick the box to agree that we may contact you about volunteering.");
    }
    if (!errors.isEmpty()) {
      throw new SignUpRejectedException(errors);
    }
    return new SignUp(
        name,
        email,
        phone,
        form.country(),
        form.region(),
        form.interests(),
        skills,
        availability,
        form.experience(),
        howHeard,
        true);
  }

  /**
   * The text trimmed, or null when empty; puts a message for the field into {@code errors} when it
   * is required and empty, too long, or holds control characters (line breaks only if multiline).
   * The coordinator's forms check their fields with it too ({@link CoordinationCheck#text}).
   */
  static String text(
      String value,
      String field,
      String what,
      int max,
      boolean required,
      boolean multiline,
      Map<String, String> errors) {
    String text = value == null ? "" : value.strip();
    if (text.isEmpty()) {
      if (required) {
        errors.put(field, "Enter " + what + ".");
      }
      return null;
    }
    if (text.codePointCount(0, text.length()) > max) {
      errors.put(field, "Shorten " + what + " to " + max + " characters at most.");
      return null;
    }
    boolean control =
        text.codePoints()
            .anyMatch(
                c ->
                    Character.getType(c) == Character.CONTROL
                            && !(multiline && (c == '\n' || c == '\r' || c == '\t'))
                        || Character.getType(c) == Character.FORMAT && c != 0x200D);
    if (control) {
      errors.put(field, "Remove the invisible control characters from " + what + ".");
      return null;
    }
    return text;
  }
}
