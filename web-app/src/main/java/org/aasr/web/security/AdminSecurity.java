package org.aasr.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * How staff sign in: a form at {@code /admin/login}, checked by {@link AdminIdentityStore}. A
 * visitor who asks for a console page without being signed in is sent to the form, and back to the
 * page after signing in. Which roles reach which pages is declared in web.xml.
 */
@CustomFormAuthenticationMechanismDefinition(
    loginToContinue =
        @LoginToContinue(loginPage = "/admin/login", errorPage = "", useForwardToLogin = false))
@DeclareRoles({"ADMIN", "EDITOR", "FUNDRAISING", "VOLUNTEER_COORDINATOR"})
@ApplicationScoped
public class AdminSecurity {}
