package org.aasr.web.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser without a screen: keeps cookies, follows redirects, and submits HTML forms as they are
 * on the page (hidden fields and view state included), with the fields a person would fill.
 */
final class FormClient {

  private final URI base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;

  /** The last page received, and where it came from. */
  private Document page;

  private HttpResponse<String> last;

  FormClient(URI base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            // As browsers speak to a plain-HTTP site: no h2c upgrade, which Grizzly answers by
            // dropping connections when many posts arrive at once.
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  Document get(String path) {
    return receive(HttpRequest.newBuilder(base.resolve(path.substring(1))).GET().build());
  }

  /** Gets a path (following redirects) and returns the raw answer, e.g. a CSV download. */
  HttpResponse<String> getRaw(String path) {
    get(path);
    return last;
  }

  /**
   * Submits a form of the last page by pressing one of its buttons.
   *
   * @param formId the form's id
   * @param button the id of the button pressed
   * @param fields values by the inputs' ids without the form prefix, e.g. {@code email}
   */
  Document submit(String formId, String button, Map<String, String> fields) {
    return submit(formId, button, fields, null, null, null);
  }

  /**
   * Submits a form with a file chosen in one of its file inputs, as multipart/form-data.
   *
   * @param fileId the file input's id without the form prefix
   */
  Document submit(
      String formId,
      String button,
      Map<String, String> fields,
      String fileId,
      String fileName,
      byte[] file) {
    Element form = page.getElementById(formId);
    if (form == null) {
      throw new AssertionError("no form " + formId + " on " + last.uri() + ":\n" + page.text());
    }
    Map<String, String> data = new LinkedHashMap<>();
    for (Element input : form.select("input[name]")) {
      String type = input.attr("type");
      if (!type.equals("submit") && !type.equals("button") && !type.equals("file")) {
        data.put(input.attr("name"), input.val());
      }
    }
    fields.forEach((id, value) -> data.put(formId + ":" + id, value));
    // What PrimeFaces' script adds to every form under its Content-Security-Policy.
    Element script = page.selectFirst("script[nonce]");
    if (script != null) {
      data.put("primefaces.nonce", script.attr("nonce"));
    }
    data.put(formId + ":" + button, "");
    URI action = last.uri().resolve(form.attr("action"));
    if (form.attr("enctype").equals("multipart/form-data")) {
      String boundary = "----aasr" + System.nanoTime();
      var body = new java.io.ByteArrayOutputStream();
      data.forEach(
          (name, value) ->
              body.writeBytes(
                  ("--"
                          + boundary
                          + "\r\nContent-Disposition: form-data; name=\""
                          + name
                          + "\"\r\n\r\n"
                          + value
                          + "\r\n")
                      .getBytes(StandardCharsets.UTF_8)));
      Element fileInput = form.selectFirst("input[type=file]");
      String fileField = fileInput == null ? formId + ":" + fileId : fileInput.attr("name");
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + fileField
                  + "\"; filename=\""
                  + (fileName == null ? "" : fileName)
                  + "\"\r\nContent-Type: "
                  + contentType(fileName)
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      if (file != null) {
        body.writeBytes(file);
      }
      body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return receive(
          HttpRequest.newBuilder(action)
              .header("Content-Type", "multipart/form-data; boundary=" + boundary)
              .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
              .build());
    }
    String body =
        data.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return receive(
        HttpRequest.newBuilder(action)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** Posts an empty body to a path, as a page's script would, and returns the answer. */
  HttpResponse<String> postEmpty(String path) {
    receive(
        HttpRequest.newBuilder(base.resolve(path.substring(1)))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build());
    return last;
  }

  HttpResponse<String> last() {
    return last;
  }

  /** The path of the page last received, e.g. {@code /admin/password}. */
  String path() {
    return last.uri().getPath();
  }

  String sessionId() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("AASR_SESSION"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  private Document receive(HttpRequest request) {
    try {
      last = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    page = Jsoup.parse(last.body(), last.uri().toString());
    return page;
  }

  /** What a browser would say the chosen file is, from its name. */
  private static String contentType(String fileName) {
    String name = fileName == null ? "" : fileName.toLowerCase();
    return name.endsWith(".png")
        ? "image/png"
        : name.endsWith(".jpg") ? "image/jpeg" : "application/octet-stream";
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
