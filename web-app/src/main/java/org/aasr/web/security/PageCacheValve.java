package org.aasr.web.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.aasr.web.site.Routes;
import org.aasr.web.site.cache.PageCacheFilter;
import org.apache.catalina.Contained;
import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleListener;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Request;
import org.apache.catalina.Response;
import org.glassfish.web.valve.GlassFishValve;

/**
 * The page cache's front door: a valve of the web container (registered in {@code
 * WEB-INF/payara-web.xml}) that answers plain anonymous reads of kept pages before the container's
 * security runs. Jakarta Security calls the application's authentication mechanism on every
 * request, public ones included, and with the container's permission checks that cost about three
 * quarters of the time of an answer from the cache ({@code bench/RESULTS.md}); a kept public page
 * needs none of it.
 *
 * <p>It applies the rules the filters would: the path must be canonical ({@link
 * CanonicalPathFilter}), and {@link PageCacheFilter#answerAhead} then answers only a plain
 * anonymous read of a kept page (no body, session, cookie of ours or credentials), with the
 * security headers of {@link SecurityHeadersFilter}; otherwise the request goes the usual way,
 * through every filter. Until both filters are initialised, or once either is destroyed, every
 * request goes the usual way.
 */
public final class PageCacheValve implements GlassFishValve, Contained, Lifecycle {

  private static final Logger LOG = Logger.getLogger(PageCacheValve.class.getName());

  private Container container;

  /** The valves that were in the pipeline before this one, run by it in their order. */
  private GlassFishValve[] ahead = new GlassFishValve[0];

  @Override
  public String getInfo() {
    return "AASR page cache front door";
  }

  @Override
  public Container getContainer() {
    return container;
  }

  @Override
  public void setContainer(Container container) {
    this.container = container;
  }

  /**
   * Called as Payara adds this valve, last, to the application's pipeline, after the container's
   * own (its authenticator): takes those valves out of the pipeline and runs them itself, after the
   * cache has declined, so that a kept page is answered first. Nothing else changes for any other
   * request: they meet the same valves in the same order, and then the rest of the pipeline.
   */
  @Override
  public void start() throws LifecycleException {
    if (container == null || ahead.length > 0) {
      return;
    }
    Pipeline pipeline = container.getPipeline();
    GlassFishValve basic = pipeline.getBasic();
    List<GlassFishValve> taken = new ArrayList<>();
    for (GlassFishValve valve : pipeline.getValves()) {
      if (valve != basic && valve != this) {
        taken.add(valve);
      }
    }
    for (GlassFishValve valve : taken) {
      pipeline.removeValve(valve); // which stops it and lets go of its container
      if (valve instanceof Contained contained) {
        contained.setContainer(container);
      }
      if (valve instanceof Lifecycle lifecycle) {
        lifecycle.start();
      }
    }
    ahead = taken.toArray(GlassFishValve[]::new);
    LOG.info(() -> "Page cache front door ahead of: " + taken);
  }

  @Override
  public void stop() throws LifecycleException {
    for (GlassFishValve valve : ahead) {
      if (valve instanceof Lifecycle lifecycle) {
        lifecycle.stop();
      }
    }
  }

  @Override
  public int invoke(Request request, Response response) throws IOException, ServletException {
    if (answered(request, response)) {
      return END_PIPELINE;
    }
    for (int i = 0; i < ahead.length; i++) {
      int status = ahead[i].invoke(request, response);
      if (status != INVOKE_NEXT) {
        // As the pipeline does: those that let the request on are told it ended.
        for (int j = i - 1; j >= 0; j--) {
          ahead[j].postInvoke(request, response);
        }
        return status;
      }
    }
    return INVOKE_NEXT;
  }

  @Override
  public void postInvoke(Request request, Response response) throws IOException, ServletException {
    for (int j = ahead.length - 1; j >= 0; j--) {
      ahead[j].postInvoke(request, response);
    }
  }

  private static boolean answered(Request request, Response response) throws IOException {
    PageCacheFilter cache = PageCacheFilter.current();
    SecurityHeadersFilter headers = SecurityHeadersFilter.current();
    if (cache == null
        || headers == null
        || !(request.getRequest() instanceof HttpServletRequest req)
        || !(response.getResponse() instanceof HttpServletResponse res)) {
      return false;
    }
    try {
      String path = Routes.path(req);
      return CanonicalPathFilter.isCanonical(path)
          && !CanonicalPathFilter.isContainerPath(path)
          && !Routes.isConsole(path)
          && cache.answerAhead(req, res, publicRes -> headers.publicAnswer(req, publicRes));
    } catch (RuntimeException e) {
      if (res.isCommitted()) {
        throw e;
      }
      // Nothing was sent: the usual way answers, and reports the failure if it has one too.
      LOG.log(Level.FINE, "page cache front door declined after a failure", e);
      res.reset();
      return false;
    }
  }

  @Override
  public void addLifecycleListener(LifecycleListener listener) {
    // No listeners: nothing listens to this valve.
  }

  @Override
  public List<LifecycleListener> findLifecycleListeners() {
    return List.of();
  }

  @Override
  public void removeLifecycleListener(LifecycleListener listener) {
    // No listeners.
  }
}
