package org.aasr.web.site;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.aasr.content.api.ContentService;
import org.aasr.content.api.ControlCharacters;
import org.aasr.content.api.ResultPage;
import org.aasr.content.api.StorySummary;
import org.aasr.web.config.SiteSettings;

/**
 * The Atom feed of the latest stories, at {@code /feed.xml}, written with ROME.
 *
 * <p>Every text it writes goes through {@link ControlCharacters} once more, although the content
 * module already hands it out clean: XML 1.0 cannot hold a NUL or most other control characters,
 * and one of them in one stored title made ROME fail the whole feed for every reader.
 */
@WebServlet("/feed.xml")
public class FeedServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** How many stories the feed carries. */
  static final int FEED_SIZE = 20;

  @Inject ContentService content;
  @Inject SiteSettings settings;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String base = settings.baseUrl(req);
    List<StorySummary> stories =
        content.latestStories(Math.min(FEED_SIZE, ResultPage.MAX_PAGE_SIZE));

    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType("atom_1.0");
    feed.setTitle("Stories from the " + SiteSettings.SITE_NAME);
    feed.setDescription(
        "News, volunteer spotlights and personal stories from the campaign to end restraint and"
            + " seclusion of children in schools.");
    feed.setUri(base + "/feed.xml");
    feed.setLink(base + "/stories");
    feed.setLinks(List.of(link(base + "/feed.xml", "self"), link(base + "/stories", "alternate")));
    feed.setLanguage("en");
    feed.setPublishedDate(
        Date.from(stories.isEmpty() ? Instant.EPOCH : stories.get(0).publishedAt()));
    SyndPerson org = new SyndPersonImpl();
    org.setName(SiteSettings.SITE_NAME);
    feed.setAuthors(List.of(org));
    feed.setEntries(stories.stream().map(s -> entry(base, s)).toList());

    res.setContentType("application/atom+xml");
    res.setCharacterEncoding("UTF-8");
    try {
      new SyndFeedOutput().output(feed, res.getWriter());
    } catch (FeedException e) {
      throw new IOException("Cannot write the feed", e);
    }
  }

  private static SyndEntry entry(String base, StorySummary story) {
    SyndEntry entry = new SyndEntryImpl();
    String url = base + "/stories/" + ControlCharacters.removeFromLine(story.slug());
    entry.setUri(url);
    entry.setLink(url);
    entry.setTitle(ControlCharacters.removeFromLine(story.title()));
    entry.setAuthor(ControlCharacters.removeFromLine(story.author()));
    entry.setPublishedDate(Date.from(story.publishedAt()));
    entry.setUpdatedDate(Date.from(story.publishedAt()));
    SyndContent summary = new SyndContentImpl();
    summary.setType("text");
    summary.setValue(ControlCharacters.removeFromText(story.excerpt()));
    entry.setDescription(summary);
    return entry;
  }

  private static SyndLink link(String href, String rel) {
    SyndLink link = new SyndLinkImpl();
    link.setHref(href);
    link.setRel(rel);
    return link;
  }
}
