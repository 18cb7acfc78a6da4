package org.aasr.web.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
 * The page cache's front door: answers plain anonymous reads of kept pages before the web container
 * does any work of its own for the application. Jakarta Security calls the application's
 * authentication mechanism on every request, public ones included; with the container's permission
 * checks and the request listeners (CDI's request context, Faces, Payara's tracing) that was about
 * four fifths of the time of an answer from the cache ({@code bench/RESULTS.md}), and a kept public
 * page needs none of it.
 *
 * <p>Payara loads this valve from {@code WEB-INF/payara-web.xml} into the application's own
 * pipeline, which runs after all that has begun; so when it starts it puts a door into the pipeline
 * of the application's virtual server (its parent), which runs first, and takes it out again when
 * the application stops. The door only looks at requests mapped to this application, and applies
 * the rules the filters would: the path must be canonical ({@link CanonicalPathFilter}) and public,
 * and {@link PageCacheFilter#answerAhead} then answers only a plain anonymous read of a kept page
 * (no body, session, cookie of ours or credentials), with the security headers of {@link
 * SecurityHeadersFilter}. Every other request goes the usual way, through the authenticator and
 * every filter; so does every request until both filters are initialised, or once either is
 * destroyed. In the application's pipeline the valve itself only lets requests on.
 */
public final class PageCacheValve implements GlassFishValve, Contained, Lifecycle {

  private static final Logger LOG = Logger.getLogger(PageCacheValve.class.getName());

  private Container application;

  private Pipeline server;

  private final GlassFishValve door = new Door();

  @Override
  public String getInfo() {
    return "AASR page cache front door";
  }

  @Override
  public Container getContainer() {
    return application;
  }

  @Override
  public void setContainer(Container container) {
    this.application = container;
  }

  @Override
  public synchronized void start() throws LifecycleException {
    if (server != null || application == null) {
      return;
    }
    Container host = application.getParent();
    if (host == null) {
      LOG.warning("Page cache front door: no virtual server; kept pages go through the filters");
      return;
    }
    server = host.getPipeline();
    server.addValve(door);
    LOG.info(() -> "Page cache front door open on virtual server " + host.getName());
  }

  @Override
  public synchronized void stop() throws LifecycleException {
    if (server != null) {
      server.removeValve(door);
      server = null;
    }
  }

  @Override
  public int invoke(Request request, Response response) {
    return INVOKE_NEXT;
  }

  @Override
  public void postInvoke(Request request, Response response) {
    // Nothing to do after the answer.
  }

  /** In the virtual server's pipeline, ahead of the application's: answers kept pages. */
  private final class Door implements GlassFishValve {

    /** The application's class loader, for its configuration and beans while answering. */
    private final ClassLoader loader = PageCacheValve.class.getClassLoader();

    @Override
    public String getInfo() {
      return "AASR page cache front door on the virtual server";
    }

    @Override
    public int invoke(Request request, Response response) throws IOException, ServletException {
      if (request.getContext() != application) {
        return INVOKE_NEXT;
      }
      Thread thread = Thread.currentThread();
      ClassLoader before = thread.getContextClassLoader();
      thread.setContextClassLoader(loader);
      try {
        return answered(request, response) ? END_PIPELINE : INVOKE_NEXT;
      } finally {
        thread.setContextClassLoader(before);
      }
    }

    @Override
    public void postInvoke(Request request, Response response) {
      // Nothing to do after the answer.
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
