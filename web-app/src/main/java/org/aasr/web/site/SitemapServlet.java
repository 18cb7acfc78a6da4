package org.aasr.web.site;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.aasr.content.api.ContentService;
import org.aasr.content.api.ControlCharacters;
import org.aasr.content.api.PageContent;
import org.aasr.content.api.ResultPage;
import org.aasr.content.api.StorySummary;
import org.aasr.web.config.SiteSettings;

/**
 * The sitemap (sitemaps.org protocol) of every public page, at {@code /sitemap.xml}.
 *
 * <p>Addresses go through {@link ControlCharacters} before they are written: the XML writer would
 * otherwise write a stored control character as it is and hand crawlers a document no parser reads.
 */
@WebServlet("/sitemap.xml")
public class SitemapServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

  @Inject ContentService content;
  @Inject SiteSettings settings;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String base = settings.baseUrl(req);
    res.setContentType("application/xml");
    res.setCharacterEncoding("UTF-8");
    Writer out = res.getWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("urlset");
      xml.writeDefaultNamespace(NS);
      url(xml, base + "/", null);
      url(xml, base + "/stories", null);
      url(xml, base + "/donate", null);
      for (PageContent page : content.publishedPages()) {
        url(xml, base + "/" + page.slug(), page.updatedAt());
      }
      for (int n = 1, pages = 1; n <= pages; n++) {
        ResultPage<StorySummary> stories =
            content.publishedStories(null, n, ResultPage.MAX_PAGE_SIZE);
        pages = stories.totalPages();
        for (StorySummary story : stories.items()) {
          url(xml, base + "/stories/" + story.slug(), story.publishedAt());
        }
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("Cannot write the sitemap", e);
    }
  }

  private static void url(XMLStreamWriter xml, String loc, Instant lastModified)
      throws XMLStreamException {
    xml.writeStartElement("url");
    xml.writeStartElement("loc");
    xml.writeCharacters(ControlCharacters.removeFromLine(loc));
    xml.writeEndElement();
    if (lastModified != null) {
      xml.writeStartElement("lastmod");
      xml.writeCharacters(
          DateTimeFormatter.ISO_LOCAL_DATE.format(lastModified.atOffset(ZoneOffset.UTC)));
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }
}
