package org.aasr.web.admin;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.aasr.donations.api.DonationAdmin;
import org.aasr.donations.api.DonationFilter;
import org.aasr.donations.api.DonationRow;
import org.aasr.donations.api.DonationService;
import org.aasr.web.audit.AuditLog;
import org.aasr.web.audit.ConsoleAction;

/**
 * The donations table's rows as CSV, at {@code /admin/donations-export?…} with the table's own
 * filter parameters. The console's access filter admits fundraising staff only, and the module asks
 * again. Rows are read a page at a time, so a long export never holds every donation at once; every
 * cell is neutralised against spreadsheet formulas ({@link CsvCells}). Every export is in the audit
 * log, with who made it and its filter, before a row is sent: the file holds donors' names and
 * addresses.
 */
@WebServlet("/admin/donations-export")
public class DonationsExportServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final int PAGE = 500;
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

  @Inject transient DonationAdmin donations;
  @Inject transient DonationService service;
  @Inject transient AuditLog audit;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    DonationQuery query = DonationQuery.of(request::getParameter, service.limits().currency());
    if (!query.errors().isEmpty()) {
      response.sendError(
          HttpServletResponse.SC_BAD_REQUEST, String.join(" ", query.errors().values()));
      return;
    }
    DonationFilter filter = query.filter();
    List<DonationRow> page;
    try {
      page = donations.donations(filter, 0, PAGE);
    } catch (SecurityException e) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    String filtered = query.queryString();
    audit.recordRead(
        request.getRemoteUser(),
        ConsoleAction.DONATIONS_EXPORTED,
        null,
        filtered.isEmpty() ? "all donations" : "filter: " + filtered);
    response.setContentType("text/csv; charset=UTF-8");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Content-Disposition", "attachment; filename=\"donations.csv\"");
    response.setHeader("Cache-Control", "private, no-store");
    Writer out = response.getWriter();
    out.write(
        CsvCells.row(
            List.of(
                "Reference",
                "Made",
                "Fundraiser",
                "Donor",
                "Email",
                "Anonymous",
                "Amount",
                "Fee covered",
                "Currency",
                "Frequency",
                "Status",
                "Method",
                "Dedication",
                "Receipt",
                "Confirmed",
                "Monthly gift stopped")));
    int first = 0;
    while (!page.isEmpty()) {
      for (DonationRow d : page) {
        out.write(
            CsvCells.row(
                List.of(
                    d.reference(),
                    ISO.format(d.createdAt()),
                    d.campaignName(),
                    d.donorName(),
                    d.donorEmail() == null ? "" : d.donorEmail(),
                    d.anonymous() ? "yes" : "no",
                    d.amount().plain(),
                    d.fee().plain(),
                    d.amount().currency().getCurrencyCode(),
                    d.frequency().label(),
                    d.status().label(),
                    d.method(),
                    d.dedication(),
                    d.receiptNumber() == null ? "" : d.receiptNumber(),
                    d.confirmedAt() == null ? "" : ISO.format(d.confirmedAt()),
                    d.stoppedAt() == null ? "" : ISO.format(d.stoppedAt()))));
      }
      if (page.size() < PAGE) {
        break;
      }
      first += PAGE;
      page = donations.donations(filter, first, PAGE);
    }
    out.flush();
  }
}
