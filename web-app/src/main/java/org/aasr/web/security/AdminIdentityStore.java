package org.aasr.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.stream.Collectors;
import org.aasr.web.accounts.AccountService;
import org.aasr.web.accounts.FirstAdministrator;
import org.aasr.web.accounts.Role;

/** Checks staff sign-ins against the accounts in the database (Jakarta Security). */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

  /** How long a sign-in waits for the first administrator still being made at start-up. */
  private static final long FIRST_ADMINISTRATOR_WAIT_SECONDS = 30;

  @Inject AccountService accounts;

  @Inject FirstAdministrator firstAdministrator;

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    firstAdministrator.awaitCreation(FIRST_ADMINISTRATOR_WAIT_SECONDS);
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
