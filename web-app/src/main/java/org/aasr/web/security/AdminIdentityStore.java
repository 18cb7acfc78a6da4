package org.aasr.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.stream.Collectors;
import org.aasr.web.accounts.AccountService;
import org.aasr.web.accounts.Role;

/** Checks staff sign-ins against the accounts in the database (Jakarta Security). */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

  @Inject AccountService accounts;

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    return accounts
        .signIn(credential.getCaller(), credential.getPasswordAsString())
        .map(
            account ->
                new CredentialValidationResult(
                    account.email(),
                    account.roles().stream().map(Role::name).collect(Collectors.toSet())))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }
}
