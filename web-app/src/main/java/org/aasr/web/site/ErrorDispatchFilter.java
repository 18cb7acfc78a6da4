package org.aasr.web.site;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

/**
 * Renders an error page as a fresh page, even when the request that failed was a form post.
 *
 * <p>Without this, Faces sees the failed post's view state and treats the error page as a postback
 * of it; PrimeFaces then checks the post's CSP nonce again and, when that was what was wrong, fails
 * a second time, leaving the visitor a bare server error. And for an upload refused as too large,
 * reading its form for the error page would parse the very body that was refused. So the error page
 * sees no form at all: no parameters, no parts, no content type. Registered in web.xml for the
 * ERROR dispatch only.
 */
public class ErrorDispatchFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(new WithoutForm(req), res);
  }

  /** The request without the form that was posted. */
  private static final class WithoutForm extends HttpServletRequestWrapper {

    WithoutForm(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getParameter(String name) {
      return null;
    }

    @Override
    public String[] getParameterValues(String name) {
      return null;
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return Map.of();
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.emptyEnumeration();
    }

    @Override
    public String getContentType() {
      return null;
    }

    @Override
    public Collection<Part> getParts() {
      return List.of();
    }

    @Override
    public Part getPart(String name) {
      return null;
    }
  }
}
