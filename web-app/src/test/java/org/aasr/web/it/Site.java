package org.aasr.web.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
}
