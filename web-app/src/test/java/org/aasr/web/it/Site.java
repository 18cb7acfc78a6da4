package org.aasr.web.it;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** The built site, as a visitor's browser reaches it: plain HTTP, no cookies kept. */
final class Site {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private final URI base;

  Site(URL base) {
    String url = base.toExternalForm();
    this.base = URI.create(url.endsWith("/") ? url : url + "/");
  }

  /** The WAR that the build made, exactly as it ships (the bundle deploys the same file). */
  static WebArchive builtWar() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("aasr.war", "target/ROOT.war")));
  }

  URI uri(String path) {
    return base.resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A page parsed as HTML, after checking its status. */
  Document page(String path, int expectedStatus) {
    HttpResponse<String> response = get(path);
    if (response.statusCode() != expectedStatus) {
      throw new AssertionError(
          "GET " + path + " answered " + response.statusCode() + ", expected " + expectedStatus);
    }
    return Jsoup.parse(response.body(), uri(path).toString());
  }

  Document page(String path) {
    return page(path, 200);
  }

  /** An answer read off the socket: status, headers (names in lower case) and body as sent. */
  record Raw(int status, Map<String, List<String>> headers, String body) {

    List<String> all(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    String first(String name) {
      List<String> values = all(name);
      return values.isEmpty() ? "" : values.get(0);
    }
  }

  /**
   * Sends a request exactly as written, over a plain socket: Java's HttpClient would normalise or
   * refuse some of the paths an attacker sends.
   *
   * @param rawPath the request target as it goes on the wire, e.g. {@code /admin/./users}
   * @param headerLines further header lines, e.g. {@code Cookie: AASR_SESSION=…}; the body is sent
   *     as given, with its Content-Length unless a Transfer-Encoding line is among them
   */
  Raw raw(String method, String rawPath, String... headerLines) {
    return raw(method, rawPath, new byte[0], headerLines);
  }

  Raw raw(String method, String rawPath, byte[] body, String... headerLines) {
    StringBuilder request = new StringBuilder();
    request.append(method).append(' ').append(rawPath).append(" HTTP/1.1\r\n");
    request.append("Host: ").append(base.getHost()).append(':').append(base.getPort());
    request.append("\r\nConnection: close\r\n");
    for (String line : headerLines) {
      request.append(line).append("\r\n");
    }
    boolean chunked =
        java.util.Arrays.stream(headerLines)
            .anyMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("transfer-encoding:"));
    if (body.length > 0 && !chunked) {
      request.append("Content-Length: ").append(body.length).append("\r\n");
    }
    request.append("\r\n");
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      try {
        out.write(body);
        out.flush();
      } catch (IOException answeredBeforeTheWholeBody) {
        // A server may refuse an oversized body before reading it all: its answer still counts.
      }
      String answer =
          new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      int end = answer.indexOf("\r\n\r\n");
      String head = end < 0 ? answer : answer.substring(0, end);
      String[] lines = head.split("\r\n");
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          headers
              .computeIfAbsent(
                  lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                  k -> new ArrayList<>())
              .add(lines[i].substring(colon + 1).trim());
        }
      }
      return new Raw(
          Integer.parseInt(lines[0].split(" ")[1]),
          headers,
          end < 0 ? "" : answer.substring(end + 4));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
