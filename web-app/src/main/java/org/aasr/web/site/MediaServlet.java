package org.aasr.web.site;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.aasr.content.api.ContentService;

/**
 * Serves story images stored under {@code AASR_DATA_DIR}, at {@code /media/stories/{name}}. Only
 * names the content module gave out are served; each name is new for every upload, so a picture can
 * be cached for a year.
 */
@WebServlet("/media/stories/*")
public class MediaServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private static final Map<String, String> TYPES =
      Map.of("png", "image/png", "jpg", "image/jpeg", "gif", "image/gif", "webp", "image/webp");

  @Inject ContentService content;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String name = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
    Optional<Path> file = content.storyImage(name);
    if (file.isEmpty()) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    res.setContentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
    res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    res.setContentLengthLong(Files.size(file.get()));
    Files.copy(file.get(), res.getOutputStream());
  }
}
