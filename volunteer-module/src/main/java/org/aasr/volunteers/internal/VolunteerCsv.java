package org.aasr.volunteers.internal;

import java.time.ZoneOffset;
import java.util.List;
import org.aasr.volunteers.api.VolunteerRow;

/**
 * The volunteer list as CSV (RFC 4180: comma separated, CRLF, quotes doubled), safe to open in a
 * spreadsheet: a cell that starts with {@code = + - @} (or a tab or carriage return, which some
 * spreadsheets skip before reading a formula) gets a leading apostrophe, so it is read as text and
 * never run as a formula (OWASP's CSV injection advice). A sign-up form is open to anyone, so what
 * a volunteer typed must never become a formula on a coordinator's machine.
 */
final class VolunteerCsv {

  static final List<String> HEADER =
      List.of(
          "id",
          "name",
          "email",
          "confirmed",
          "status",
          "country",
          "state_or_province",
          "interests",
          "skills",
          "signed_up_utc");

  private VolunteerCsv() {}

  static String of(List<VolunteerRow> rows) {
    StringBuilder csv = new StringBuilder();
    line(csv, HEADER);
    for (VolunteerRow r : rows) {
      line(
          csv,
          List.of(
              String.valueOf(r.id()),
              nullToEmpty(r.fullName()),
              nullToEmpty(r.email()),
              r.confirmed() ? "yes" : "no",
              r.status().name(),
              nullToEmpty(r.country()),
              nullToEmpty(r.region()),
              r.interestLabels(),
              nullToEmpty(r.skills()),
              r.signedUpAt() == null
                  ? ""
                  : r.signedUpAt().atOffset(ZoneOffset.UTC).toLocalDateTime().toString()));
    }
    return csv.toString();
  }

  /** A cell as a spreadsheet must read it: a would-be formula is made text. */
  static String neutralised(String cell) {
    if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
      return "'" + cell;
    }
    return cell;
  }

  /** A cell quoted when it holds a comma, a quote or a line break. */
  static String quoted(String cell) {
    if (cell.indexOf(',') >= 0
        || cell.indexOf('"') >= 0
        || cell.indexOf('\n') >= 0
        || cell.indexOf('\r') >= 0) {
      return '"' + cell.replace("\"", "\"\"") + '"';
    }
    return cell;
  }

  private static void line(StringBuilder csv, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(quoted(neutralised(cells.get(i))));
    }
    csv.append("\r\n");
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
