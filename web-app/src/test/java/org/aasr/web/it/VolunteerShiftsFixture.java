package org.aasr.web.it;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Test-only: added to the WAR that {@link VolunteerPrivateLinkIT} deploys (never to the built one),
 * it opens an opportunity with two shifts, as the coordinator's console will (another part of issue
 * 10), and closes it again so that later tests on the same database see no open opportunity.
 *
 * <p>{@code POST} answers "slug soonShift laterShift": the soon one starts in two hours (inside the
 * reminder's lead time) and has one place; the later one starts in three days and has five. {@code
 * DELETE} closes every opportunity this fixture opened.
 */
@WebServlet("/it-fixture/volunteer-shifts")
public class VolunteerShiftsFixture extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Resource(lookup = "java:app/jdbc/aasr")
  private DataSource dataSource;

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String slug = "it-shifts-" + UUID.randomUUID().toString().substring(0, 8);
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
    try (Connection c = dataSource.getConnection()) {
      long opportunity;
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO opportunity (slug, title, summary, involves, place_kind, country,"
                  + " region, time_asked, status, created_at, updated_at) VALUES (?, ?, ?, ?,"
                  + " 'IN_PERSON', 'US', 'OH', 'Three hours', 'OPEN', ?, ?)",
              Statement.RETURN_GENERATED_KEYS)) {
        s.setString(1, slug);
        s.setString(2, "Stuffing envelopes <b>now</b>");
        s.setString(3, "Helping send the newsletter.");
        s.setString(4, "Folding, stuffing and stamping.");
        s.setTimestamp(5, Timestamp.valueOf(now));
        s.setTimestamp(6, Timestamp.valueOf(now));
        s.executeUpdate();
        opportunity = key(s);
      }
      long soon = shift(c, opportunity, now.plusHours(2), 1);
      long later = shift(c, opportunity, now.plusDays(3), 5);
      res.setContentType("text/plain");
      res.getWriter().write(slug + " " + soon + " " + later);
    } catch (SQLException e) {
      throw new IOException(e);
    }
  }

  @Override
  protected void doDelete(HttpServletRequest req, HttpServletResponse res) throws IOException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE opportunity SET status = 'CLOSED' WHERE slug LIKE 'it-shifts-%'");
      res.setStatus(HttpServletResponse.SC_NO_CONTENT);
    } catch (SQLException e) {
      throw new IOException(e);
    }
  }

  private static long shift(Connection c, long opportunity, LocalDateTime start, int capacity)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO shift (opportunity_id, starts_at, ends_at, time_zone, capacity)"
                + " VALUES (?, ?, ?, 'America/New_York', ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      s.setLong(1, opportunity);
      s.setTimestamp(2, Timestamp.valueOf(start));
      s.setTimestamp(3, Timestamp.valueOf(start.plusHours(3)));
      s.setInt(4, capacity);
      s.executeUpdate();
      return key(s);
    }
  }

  private static long key(Statement s) throws SQLException {
    try (ResultSet keys = s.getGeneratedKeys()) {
      keys.next();
      return keys.getLong(1);
    }
  }
}
