package org.aasr.web.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The network address a request came from, as the sign-in limits and the audit log see it: the one
 * place that decides it, so that a proxy-aware rule (trusted proxies' forwarding headers) replaces
 * it for everyone at once.
 */
public final class ClientAddress {

  private ClientAddress() {}

  /** The address of the client that sent the request. */
  public static String of(HttpServletRequest request) {
    return request.getRemoteAddr();
  }
}
