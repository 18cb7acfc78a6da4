package org.aasr.web.site.cache;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A response that keeps its body in memory instead of sending it, and remembers the headers its
 * renderer set, so that the page cache can decide afterwards whether to keep it. Headers and status
 * still reach the real response; only the body waits (it is never committed before the filter says
 * so).
 */
final class BufferedResponse extends HttpServletResponseWrapper {

  /** Headers the cache sets itself, or that belong to one answer only, so never replayed. */
  private static final Set<String> NOT_REPLAYED =
      Set.of(
          "content-type",
          "content-length",
          "content-encoding",
          "transfer-encoding",
          "etag",
          "vary",
          "cache-control",
          "date",
          "set-cookie",
          "content-security-policy");

  private final ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
  private final Map<String, List<String>> replayed = new LinkedHashMap<>();
  private final List<String> names = new ArrayList<>();
  private final List<Map.Entry<String, String>> held = new ArrayList<>();
  private ServletOutputStream stream;
  private PrintWriter writer;
  private boolean errorOrRedirect;

  BufferedResponse(HttpServletResponse response) {
    super(response);
  }

  /** The body written so far. */
  byte[] body() {
    if (writer != null) {
      writer.flush();
    }
    return body.toByteArray();
  }

  /** The headers the renderer set that an answer from the cache repeats. */
  Map<String, List<String>> replayedHeaders() {
    return replayed;
  }

  /** The names of every header the renderer set. */
  List<String> headerNames() {
    return names;
  }

  /** Whether the renderer sent an error or a redirect, which the real response now carries. */
  boolean sentErrorOrRedirect() {
    return errorOrRedirect;
  }

  private void record(String name, String value, boolean add) {
    names.add(name);
    String key = name.toLowerCase(Locale.ROOT);
    if (!NOT_REPLAYED.contains(key)) {
      List<String> values = replayed.computeIfAbsent(key, k -> new ArrayList<>());
      if (!add) {
        values.clear();
      }
      values.add(value);
    }
  }

  @Override
  public void setHeader(String name, String value) {
    record(name, value, false);
    if (isHeld(name)) {
      held.removeIf(h -> h.getKey().equalsIgnoreCase(name));
      held.add(Map.entry(name, value));
    } else {
      super.setHeader(name, value);
    }
  }

  @Override
  public void addHeader(String name, String value) {
    record(name, value, true);
    if (isHeld(name)) {
      held.add(Map.entry(name, value));
    } else {
      super.addHeader(name, value);
    }
  }

  /**
   * PrimeFaces adds a second Content-Security-Policy with a per-request script nonce to every page.
   * It is held back: a page that uses its nonce is never cached and gets it with {@link
   * #releaseHeldHeaders}; a page that does not use it is cached, and then its fresh answer carries
   * exactly the headers of the cached ones.
   */
  private static boolean isHeld(String name) {
    return name.equalsIgnoreCase("Content-Security-Policy");
  }

  /** The values of the held-back Content-Security-Policy headers. */
  List<String> heldPolicies() {
    return held.stream().map(Map.Entry::getValue).toList();
  }

  /** Passes the held-back headers on, for an answer that is sent as rendered. */
  void releaseHeldHeaders() {
    held.forEach(h -> super.addHeader(h.getKey(), h.getValue()));
    held.clear();
  }

  @Override
  public void setIntHeader(String name, int value) {
    setHeader(name, Integer.toString(value));
  }

  @Override
  public void addIntHeader(String name, int value) {
    addHeader(name, Integer.toString(value));
  }

  @Override
  public void setDateHeader(String name, long date) {
    names.add(name);
    super.setDateHeader(name, date); // dates belong to one answer; not replayed
  }

  @Override
  public void addDateHeader(String name, long date) {
    names.add(name);
    super.addDateHeader(name, date);
  }

  @Override
  public void addCookie(jakarta.servlet.http.Cookie cookie) {
    names.add("Set-Cookie");
    super.addCookie(cookie);
  }

  @Override
  public void sendError(int sc, String msg) throws IOException {
    errorOrRedirect = true;
    super.sendError(sc, msg);
  }

  @Override
  public void sendError(int sc) throws IOException {
    errorOrRedirect = true;
    super.sendError(sc);
  }

  @Override
  public void sendRedirect(String location) throws IOException {
    errorOrRedirect = true;
    super.sendRedirect(location);
  }

  @Override
  public void setContentLength(int len) {
    // The filter sets the length of what it finally sends.
  }

  @Override
  public void setContentLengthLong(long len) {
    // As above.
  }

  @Override
  public void flushBuffer() {
    if (writer != null) {
      writer.flush();
    }
  }

  @Override
  public void resetBuffer() {
    body.reset();
  }

  @Override
  public void reset() {
    body.reset();
    replayed.clear();
    names.clear();
    held.clear();
    super.reset();
  }

  @Override
  public boolean isCommitted() {
    return errorOrRedirect || super.isCommitted();
  }

  @Override
  public ServletOutputStream getOutputStream() {
    if (writer != null) {
      throw new IllegalStateException("getWriter() was called first");
    }
    if (stream == null) {
      stream =
          new ServletOutputStream() {
            @Override
            public void write(int b) {
              body.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
              body.write(b, off, len);
            }

            @Override
            public boolean isReady() {
              return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
              throw new UnsupportedOperationException("a buffered answer is written at once");
            }
          };
    }
    return stream;
  }

  @Override
  public PrintWriter getWriter() {
    if (stream != null) {
      throw new IllegalStateException("getOutputStream() was called first");
    }
    if (writer == null) {
      writer =
          new PrintWriter(new OutputStreamWriter(body, Charset.forName(getCharacterEncoding())));
    }
    return writer;
  }
}
