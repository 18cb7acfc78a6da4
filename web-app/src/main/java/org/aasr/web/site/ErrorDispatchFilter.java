package org.aasr.web.site;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders an error page as a fresh page, even when the request that failed was a form post.
 *
 * <p>Without this, Faces sees the failed post's view state and treats the error page as a postback
 * of it; PrimeFaces then checks the post's CSP nonce again and, when that was what was wrong, fails
 * a second time, leaving the visitor a bare server error. Registered in web.xml for the ERROR
 * dispatch only.
 */
public class ErrorDispatchFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final String VIEW_STATE = "jakarta.faces.ViewState";

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(new WithoutFormState(req), res);
  }

  /** The request without the parameters that would make Faces restore the failed view. */
  private static final class WithoutFormState extends HttpServletRequestWrapper {

    WithoutFormState(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getParameter(String name) {
      return VIEW_STATE.equals(name) ? null : super.getParameter(name);
    }

    @Override
    public String[] getParameterValues(String name) {
      return VIEW_STATE.equals(name) ? null : super.getParameterValues(name);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return super.getParameterMap().entrySet().stream()
          .filter(e -> !VIEW_STATE.equals(e.getKey()))
          .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(getParameterMap().keySet());
    }
  }
}
